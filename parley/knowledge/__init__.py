"""Project knowledge, apart from the database: cutting text into passages, embedding them with
the local model, and ranking (vector similarity, reciprocal-rank fusion)."""
