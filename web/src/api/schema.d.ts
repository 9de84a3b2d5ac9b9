// Generated from the server's OpenAPI schema by `npm run gen:api`. Do not edit by hand.

export type paths = {
    "/api/artifacts/{artifact_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Artifact */
        get: operations["get_artifact_api_artifacts__artifact_id__get"];
        /** Edit Artifact */
        put: operations["edit_artifact_api_artifacts__artifact_id__put"];
        post?: never;
        /** Delete Artifact */
        delete: operations["delete_artifact_api_artifacts__artifact_id__delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/artifacts/{artifact_id}/execute": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Execute Artifact */
        post: operations["execute_artifact_api_artifacts__artifact_id__execute_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/artifacts/{artifact_id}/executions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Executions */
        get: operations["list_executions_api_artifacts__artifact_id__executions_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/artifacts/{artifact_id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Publish Artifact */
        post: operations["publish_artifact_api_artifacts__artifact_id__publish_post"];
        /** Unpublish Artifact */
        delete: operations["unpublish_artifact_api_artifacts__artifact_id__publish_delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/artifacts/{artifact_id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Versions */
        get: operations["list_versions_api_artifacts__artifact_id__versions_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Login */
        post: operations["login_api_auth_login_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Logout */
        post: operations["logout_api_auth_logout_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Me */
        get: operations["me_api_auth_me_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Register */
        post: operations["register_api_auth_register_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/conversations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Conversations */
        get: operations["list_conversations_api_conversations_get"];
        put?: never;
        /** Create Conversation */
        post: operations["create_conversation_api_conversations_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/conversations/{conversation_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Conversation */
        get: operations["get_conversation_api_conversations__conversation_id__get"];
        put?: never;
        post?: never;
        /** Delete Conversation */
        delete: operations["delete_conversation_api_conversations__conversation_id__delete"];
        options?: never;
        head?: never;
        /** Update Conversation */
        patch: operations["update_conversation_api_conversations__conversation_id__patch"];
        trace?: never;
    };
    "/api/conversations/{conversation_id}/artifacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Artifacts */
        get: operations["list_artifacts_api_conversations__conversation_id__artifacts_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/conversations/{conversation_id}/duplicate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Duplicate Conversation
         * @description Copy one branch (root to `leaf_id`) into a new conversation "Title (copy)".
         */
        post: operations["duplicate_conversation_api_conversations__conversation_id__duplicate_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/conversations/{conversation_id}/files": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Conversation Files */
        get: operations["list_conversation_files_api_conversations__conversation_id__files_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/conversations/{conversation_id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Messages */
        get: operations["get_messages_api_conversations__conversation_id__messages_get"];
        put?: never;
        /** Send Message */
        post: operations["send_message_api_conversations__conversation_id__messages_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/conversations/{conversation_id}/messages/{message_id}/regenerate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Regenerate Message */
        post: operations["regenerate_message_api_conversations__conversation_id__messages__message_id__regenerate_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/conversations/{conversation_id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Restore Conversation
         * @description Undo a delete, within PARLEY_UNDO_SECONDS of it; 404 after.
         */
        post: operations["restore_conversation_api_conversations__conversation_id__restore_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/conversations/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Bulk Update Conversations
         * @description Delete, archive, unarchive or move several conversations: all of them, or (one id
         *     unknown or someone else's: 404) none.
         */
        post: operations["bulk_update_conversations_api_conversations_bulk_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/executions/{execution_id}/files/{file_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download File */
        get: operations["download_file_api_executions__execution_id__files__file_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/files": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Files */
        get: operations["list_files_api_files_get"];
        put?: never;
        /**
         * Upload File
         * @description Upload one file (multipart field `file`). Its type comes from its bytes; text for models
         *     is extracted once, here. The body is streamed to storage, never held in memory.
         */
        post: operations["upload_file_api_files_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/files/{file_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get File */
        get: operations["get_file_api_files__file_id__get"];
        put?: never;
        post?: never;
        /** Delete File */
        delete: operations["delete_file_api_files__file_id__delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/files/{file_id}/content": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download File
         * @description The bytes. `disposition=inline` shows raster images and PDFs in the browser (with a
         *     sandboxing CSP); every other type is always a download.
         */
        get: operations["download_file_api_files__file_id__content_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/files/{file_id}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * File Preview
         * @description A small WebP thumbnail (images, and a PDF's first page); 404 when the file has none.
         */
        get: operations["file_preview_api_files__file_id__preview_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/files/{file_id}/text": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** File Text */
        get: operations["file_text_api_files__file_id__text_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/files/limits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** File Limits */
        get: operations["file_limits_api_files_limits_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Health */
        get: operations["health_api_health_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/models": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Models */
        get: operations["models_api_models_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Projects
         * @description My projects, pinned first, then by the latest activity (or name, or creation).
         */
        get: operations["list_projects_api_projects_get"];
        put?: never;
        /** Create Project */
        post: operations["create_project_api_projects_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Project */
        get: operations["get_project_api_projects__project_id__get"];
        put?: never;
        post?: never;
        /**
         * Delete Project
         * @description The project, its knowledge and its chats (the chats as a delete from the sidebar).
         */
        delete: operations["delete_project_api_projects__project_id__delete"];
        options?: never;
        head?: never;
        /** Update Project */
        patch: operations["update_project_api_projects__project_id__patch"];
        trace?: never;
    };
    "/api/projects/{project_id}/files": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Knowledge
         * @description The knowledge files with their indexing status: poll while any is queued or indexing.
         */
        get: operations["list_knowledge_api_projects__project_id__files_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project_id}/files/{file_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add Knowledge
         * @description Add an uploaded file (POST /api/files) to the knowledge; indexing starts at once.
         */
        post: operations["add_knowledge_api_projects__project_id__files__file_id__post"];
        /**
         * Remove Knowledge
         * @description Take the file out of the knowledge; a file uploaded for the project alone goes with it.
         */
        delete: operations["remove_knowledge_api_projects__project_id__files__file_id__delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/runs/{run_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Run */
        get: operations["get_run_api_runs__run_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/runs/{run_id}/approvals/{tool_call_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Decide Approval */
        post: operations["decide_approval_api_runs__run_id__approvals__tool_call_id__post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/runs/{run_id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel Run */
        post: operations["cancel_run_api_runs__run_id__cancel_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/runs/{run_id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Run Events */
        get: operations["run_events_api_runs__run_id__events_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sandbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sandbox Info */
        get: operations["sandbox_info_api_sandbox_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search */
        get: operations["search_api_search_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Settings
         * @description Every setting, with its default where the person has not changed it.
         */
        get: operations["get_settings_api_settings_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update Settings
         * @description Change some settings (null puts one back to its default); answers all of them.
         */
        patch: operations["update_settings_api_settings_patch"];
        trace?: never;
    };
    "/api/usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Usage
         * @description Tokens and cost of my answers from `from` to `to` (UTC days, inclusive).
         */
        get: operations["get_usage_api_usage_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
};
export type webhooks = Record<string, never>;
export type components = {
    schemas: {
        /** ApprovalDecision */
        ApprovalDecision: {
            /** Approve */
            approve: boolean;
            /**
             * Remember
             * @description Also allow every later run_code in this conversation without asking.
             * @default false
             */
            remember: boolean;
        };
        /**
         * ApprovalRequired
         * @description The run waits until the person approves or denies this call.
         */
        ApprovalRequired: {
            /** Code */
            code: string;
            /** Language */
            language: string;
            limits: components["schemas"]["SandboxLimitsOut"];
            /** Name */
            name: string;
            /** Tool Call Id */
            tool_call_id: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "approval_required";
        };
        /** ApprovalResolved */
        ApprovalResolved: {
            /** Approved */
            approved: boolean;
            /**
             * Remembered
             * @default false
             */
            remembered: boolean;
            /** Tool Call Id */
            tool_call_id: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "approval_resolved";
        };
        /** ApprovalResult */
        ApprovalResult: {
            /**
             * Status
             * @enum {string}
             */
            status: "approved" | "denied";
        };
        /**
         * Artifact
         * @description A new version was stored: the full content, the panel's source of truth from now on.
         */
        Artifact: {
            /** Artifact Id */
            artifact_id: string;
            /**
             * Artifact Type
             * @enum {string}
             */
            artifact_type: "code" | "markdown" | "html" | "svg" | "mermaid" | "react";
            /** Content */
            content: string;
            /** Identifier */
            identifier: string;
            /** Language */
            language: string | null;
            /**
             * Operation
             * @enum {string}
             */
            operation: "create" | "update" | "rewrite";
            /** Title */
            title: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "artifact";
            /** Version */
            version: number;
        };
        /**
         * ArtifactDelta
         * @description More of the content of the artifact being created or rewritten (appended).
         */
        ArtifactDelta: {
            /** Artifact Id */
            artifact_id: string;
            /** Text */
            text: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "artifact_delta";
        };
        /**
         * ArtifactFailed
         * @description The change could not be applied (e.g. the text to replace was not found).
         */
        ArtifactFailed: {
            /** Artifact Id */
            artifact_id: string;
            /** Message */
            message: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "artifact_failed";
        };
        /** ArtifactList */
        ArtifactList: {
            /** Artifacts */
            artifacts: components["schemas"]["ArtifactOut"][];
        };
        /** ArtifactOut */
        ArtifactOut: {
            /**
             * Content
             * @description The current version's content.
             */
            content: string;
            /** Conversation Id */
            conversation_id: string;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Id */
            id: string;
            /**
             * Identifier
             * @description The model's name for it; stable across versions.
             */
            identifier: string;
            /** Language */
            language: string | null;
            /**
             * Public Url
             * @description The read-only link, while published.
             */
            public_url?: string | null;
            /** Title */
            title: string;
            /**
             * Type
             * @enum {string}
             */
            type: "code" | "markdown" | "html" | "svg" | "mermaid" | "react";
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
            /**
             * Version
             * @description The current (latest) version number, from 1.
             */
            version: number;
        };
        /**
         * ArtifactRefPart
         * @description Where in the answer an artifact was created or changed; the panel opens it from here.
         */
        ArtifactRefPart: {
            /** Artifact Id */
            artifact_id: string;
            /**
             * Artifact Type
             * @enum {string}
             */
            artifact_type: "code" | "markdown" | "html" | "svg" | "mermaid" | "react";
            /** Identifier */
            identifier: string;
            /**
             * Operation
             * @enum {string}
             */
            operation: "create" | "update" | "rewrite";
            /** Title */
            title: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "artifact_ref";
            /**
             * Version
             * @description Null when the answer stopped before it was stored.
             */
            version: number | null;
        };
        /**
         * ArtifactStart
         * @description The model began creating or changing an artifact; its card goes here in the answer.
         */
        ArtifactStart: {
            /** Artifact Id */
            artifact_id: string;
            /**
             * Artifact Type
             * @enum {string}
             */
            artifact_type: "code" | "markdown" | "html" | "svg" | "mermaid" | "react";
            /** Identifier */
            identifier: string;
            /** Language */
            language: string | null;
            /**
             * Operation
             * @enum {string}
             */
            operation: "create" | "update" | "rewrite";
            /** Title */
            title: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "artifact_start";
        };
        /** ArtifactVersionList */
        ArtifactVersionList: {
            /** Versions */
            versions: components["schemas"]["ArtifactVersionOut"][];
        };
        /** ArtifactVersionOut */
        ArtifactVersionOut: {
            /** Content */
            content: string;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Language */
            language: string | null;
            /**
             * Message Id
             * @description The answer that made it; null for a manual edit.
             */
            message_id: string | null;
            /**
             * Operation
             * @enum {string}
             */
            operation: "create" | "update" | "rewrite" | "edit";
            /** Title */
            title: string;
            /**
             * Type
             * @enum {string}
             */
            type: "code" | "markdown" | "html" | "svg" | "mermaid" | "react";
            /** Version */
            version: number;
        };
        /**
         * AttachmentPart
         * @description A file the person attached, as it was when sent (the file itself may be deleted since).
         */
        AttachmentPart: {
            /** File Id */
            file_id: string;
            /**
             * Has Preview
             * @default false
             */
            has_preview: boolean;
            /** Height */
            height?: number | null;
            /**
             * Kind
             * @enum {string}
             */
            kind: "image" | "pdf" | "document" | "spreadsheet" | "text" | "code" | "archive-refused" | "other";
            /** Media Type */
            media_type: string;
            /** Name */
            name: string;
            /** Pages */
            pages?: number | null;
            /** Size */
            size: number;
            /**
             * Token Estimate
             * @description Rough input tokens it costs a model per turn.
             * @default 0
             */
            token_estimate: number;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "attachment";
            /** Width */
            width?: number | null;
        };
        /** BulkAction */
        BulkAction: {
            /**
             * Action
             * @enum {string}
             */
            action: "delete" | "archive" | "unarchive" | "move";
            /** Ids */
            ids: string[];
            /**
             * Project Id
             * @description For move: the project, or null to take them out.
             */
            project_id?: string | null;
        };
        /** BulkResult */
        BulkResult: {
            /** Action */
            action: string;
            /**
             * Ids
             * @description The conversations changed: all that were asked for.
             */
            ids: string[];
        };
        /** CancelResult */
        CancelResult: {
            /** Status */
            status: string;
        };
        /** ConversationOut */
        ConversationOut: {
            /** Archived */
            archived: boolean;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Id */
            id: string;
            /** Last Message At */
            last_message_at: string | null;
            /** Model */
            model: string;
            /** Pinned */
            pinned: boolean;
            /** Project Id */
            project_id: string | null;
            /** Settings */
            settings: {
                [key: string]: unknown;
            };
            /** Title */
            title: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
        };
        /** ConversationPage */
        ConversationPage: {
            /** Items */
            items: components["schemas"]["ConversationOut"][];
            /** Next Cursor */
            next_cursor: string | null;
        };
        /** ConversationSettings */
        ConversationSettings: {
            /** Max Tokens */
            max_tokens?: number | null;
            /**
             * Permission Mode
             * @description Code the model wants to run: ask first (default) or run at once.
             */
            permission_mode?: ("ask" | "allow") | null;
            /**
             * Stop Sequences
             * @description The answer ends before the first of these it would write (up to four).
             */
            stop_sequences?: string[] | null;
            /** System Prompt */
            system_prompt?: string | null;
            /** Temperature */
            temperature?: number | null;
            /** Thinking Budget */
            thinking_budget?: number | null;
            /** Top P */
            top_p?: number | null;
        };
        /** CreateConversation */
        CreateConversation: {
            /** Model */
            model?: string | null;
            /**
             * Project Id
             * @description Start the chat inside this project.
             */
            project_id?: string | null;
            settings?: components["schemas"]["ConversationSettings"] | null;
            /** Title */
            title?: string | null;
        };
        /** CreateProject */
        CreateProject: {
            /**
             * Description
             * @default
             */
            description: string;
            /**
             * Instructions
             * @default
             */
            instructions: string;
            /** Name */
            name: string;
        };
        /** CustomStyle */
        CustomStyle: {
            /**
             * Id
             * @description Lower-case letters, digits and dashes; picked as the style.
             */
            id: string;
            /** Instructions */
            instructions: string;
            /** Name */
            name: string;
        };
        /** DuplicateConversation */
        DuplicateConversation: {
            /**
             * Leaf Id
             * @description The last message of the branch to copy; by default the newest leaf.
             */
            leaf_id?: string | null;
        };
        /** EditArtifact */
        EditArtifact: {
            /** Content */
            content: string;
            /** Title */
            title?: string | null;
        };
        /** Error */
        Error: {
            /** Kind */
            kind: string;
            /** Message */
            message: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "error";
        };
        /** ExecuteArtifact */
        ExecuteArtifact: {
            /**
             * Timeout Seconds
             * @description Wall-clock limit; the server's default when omitted.
             */
            timeout_seconds?: number | null;
        };
        /** ExecutionFileOut */
        ExecutionFileOut: {
            /**
             * File Id
             * @description The conversation file it became (GET /api/files/{id}); null for old runs.
             */
            file_id?: string | null;
            /** Id */
            id: string;
            /**
             * Inline Image
             * @description A raster image the client may show inline.
             */
            inline_image: boolean;
            /** Mime Type */
            mime_type: string;
            /** Name */
            name: string;
            /** Size */
            size: number;
            /**
             * Url
             * @description Download path (same-origin, needs the owner's session).
             */
            url: string;
        };
        /** ExecutionList */
        ExecutionList: {
            /** Executions */
            executions: components["schemas"]["ExecutionOut"][];
        };
        /** ExecutionOut */
        ExecutionOut: {
            /** Artifact Version */
            artifact_version?: number | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Duration Ms */
            duration_ms: number;
            /** Exit Code */
            exit_code: number | null;
            /** Files */
            files: components["schemas"]["ExecutionFileOut"][];
            /** Id */
            id: string;
            /** Language */
            language: string;
            /**
             * Status
             * @enum {string}
             */
            status: "ok" | "error" | "timeout" | "unavailable";
            /** Stderr */
            stderr: string;
            /** Stderr Truncated */
            stderr_truncated: boolean;
            /** Stdout */
            stdout: string;
            /** Stdout Truncated */
            stdout_truncated: boolean;
        };
        /**
         * FileLimits
         * @description What this server accepts, so a client can refuse a file before sending it.
         */
        FileLimits: {
            /** Attachments Per Message */
            attachments_per_message: number;
            /**
             * Storage Quota Bytes
             * @description What all of the caller's files may take.
             */
            storage_quota_bytes: number;
            /**
             * Storage Used Bytes
             * @description What the caller's files take now.
             */
            storage_used_bytes: number;
            /**
             * Upload Max Bytes
             * @description Largest file one upload may be.
             */
            upload_max_bytes: number;
        };
        /** FileOut */
        FileOut: {
            /** Content Url */
            content_url: string;
            /**
             * Conversation Id
             * @description The conversation the file belongs to: where it was first attached or made.
             */
            conversation_id: string | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Has Preview
             * @description A thumbnail exists at preview_url.
             */
            has_preview: boolean;
            /** Height */
            height?: number | null;
            /** Id */
            id: string;
            /**
             * Kind
             * @enum {string}
             */
            kind: "image" | "pdf" | "document" | "spreadsheet" | "text" | "code" | "archive-refused" | "other";
            /**
             * Media Type
             * @description Detected from the bytes, never from the name.
             */
            media_type: string;
            /** Name */
            name: string;
            /**
             * Origin
             * @description Uploaded by the person, or written by sandboxed code.
             * @enum {string}
             */
            origin: "upload" | "generated";
            /**
             * Pages
             * @description PDFs and presentations: pages or slides.
             */
            pages?: number | null;
            /** Preview Url */
            preview_url: string | null;
            /** Sha256 */
            sha256: string;
            /**
             * Size
             * @description Bytes.
             */
            size: number;
            /**
             * Text Chars
             * @description Characters of text extracted for models; null when there is none.
             */
            text_chars?: number | null;
            /**
             * Text Truncated
             * @description The extracted text was cut at the server's limit.
             * @default false
             */
            text_truncated: boolean;
            /**
             * Token Estimate
             * @description Rough input tokens the file costs a model per turn.
             */
            token_estimate: number;
            /**
             * Width
             * @description Images: pixels.
             */
            width?: number | null;
        };
        /** FilePage */
        FilePage: {
            /** Items */
            items: components["schemas"]["FileOut"][];
            /** Next Cursor */
            next_cursor: string | null;
        };
        /** FileText */
        FileText: {
            /** Id */
            id: string;
            /**
             * Language
             * @description A highlighting language for code and data files, from the name.
             */
            language: string | null;
            /** Name */
            name: string;
            /**
             * Text
             * @description What models read of the file (page-numbered for PDFs).
             */
            text: string;
            /** Truncated */
            truncated: boolean;
        };
        /** Health */
        Health: {
            /**
             * Status
             * @constant
             */
            status: "ok";
            /** Version */
            version: string;
        };
        /** HTTPValidationError */
        HTTPValidationError: {
            /** Detail */
            detail?: components["schemas"]["ValidationError"][];
        };
        /** KnowledgeFileList */
        KnowledgeFileList: {
            /** Items */
            items: components["schemas"]["KnowledgeFileOut"][];
        };
        /**
         * KnowledgeFileOut
         * @description A knowledge file of a project and where its indexing stands.
         */
        KnowledgeFileOut: {
            /**
             * Added At
             * Format: date-time
             */
            added_at: string;
            /**
             * Chunks
             * @description Passages the file was cut into.
             */
            chunks: number;
            /**
             * Embedded
             * @description Passages embedded so far (progress while indexing).
             */
            embedded: number;
            /**
             * Error
             * @description Why indexing failed, for the person.
             */
            error: string | null;
            /** File Id */
            file_id: string;
            /**
             * Kind
             * @enum {string}
             */
            kind: "image" | "pdf" | "document" | "spreadsheet" | "text" | "code" | "archive-refused" | "other";
            /** Media Type */
            media_type: string;
            /** Name */
            name: string;
            /** Pages */
            pages: number | null;
            /** Size */
            size: number;
            /**
             * Status
             * @description queued, indexing (chunks written, embeddings being made), ready or failed.
             * @enum {string}
             */
            status: "queued" | "indexing" | "ready" | "failed";
            /** Token Estimate */
            token_estimate: number;
        };
        /** Login */
        Login: {
            /** Email */
            email: string;
            /** Password */
            password: string;
        };
        /** MessageError */
        MessageError: {
            /** Kind */
            kind: string;
            /** Message */
            message: string;
        };
        /** MessageList */
        MessageList: {
            /** Messages */
            messages: components["schemas"]["MessageOut"][];
        };
        /** MessageOut */
        MessageOut: {
            /** Cache Read Tokens */
            cache_read_tokens?: number | null;
            /** Cache Write Tokens */
            cache_write_tokens?: number | null;
            /** Conversation Id */
            conversation_id: string;
            /**
             * Cost Usd
             * @description At the catalog's prices; null: unknown.
             */
            cost_usd?: number | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            error: components["schemas"]["MessageError"] | null;
            /** Id */
            id: string;
            /** Input Tokens */
            input_tokens: number | null;
            /** Model */
            model: string | null;
            /** Output Tokens */
            output_tokens: number | null;
            /** Parent Id */
            parent_id: string | null;
            /** Parts */
            parts: (components["schemas"]["TextPart"] | components["schemas"]["ThinkingPart"] | components["schemas"]["ArtifactRefPart"] | components["schemas"]["ToolCallPart"] | components["schemas"]["ToolResultPart"] | components["schemas"]["AttachmentPart"] | components["schemas"]["SourcesPart"])[];
            /**
             * Role
             * @enum {string}
             */
            role: "user" | "assistant";
            /** Run Id */
            run_id: string | null;
            /**
             * Status
             * @enum {string}
             */
            status: "complete" | "streaming" | "interrupted" | "cancelled" | "error";
            /** Stop Reason */
            stop_reason: string | null;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
        };
        /** MessageStart */
        MessageStart: {
            /** Conversation Id */
            conversation_id: string;
            /** Message Id */
            message_id: string;
            /** Model */
            model: string;
            /** Run Id */
            run_id: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "message_start";
        };
        /** MessageStop */
        MessageStop: {
            /**
             * Status
             * @enum {string}
             */
            status: "complete" | "streaming" | "interrupted" | "cancelled" | "error";
            /** Stop Reason */
            stop_reason?: string | null;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "message_stop";
        };
        /** ModelList */
        ModelList: {
            /** Default Model */
            default_model: string;
            /** Models */
            models: components["schemas"]["ModelOut"][];
        };
        /** ModelOut */
        ModelOut: {
            /** Context Window */
            context_window: number;
            /** Id */
            id: string;
            /** Input Price */
            input_price: number | null;
            /** Max Output */
            max_output: number;
            /** Name */
            name: string;
            /** Output Price */
            output_price: number | null;
            /** Pdf */
            pdf: boolean;
            /**
             * Provider
             * @enum {string}
             */
            provider: "anthropic" | "openai" | "local";
            /** Thinking */
            thinking: boolean;
            /** Tool Use */
            tool_use: boolean;
            /** Vision */
            vision: boolean;
        };
        /** PendingApproval */
        PendingApproval: {
            /** Code */
            code: string;
            /** Language */
            language: string;
            /** Name */
            name: string;
            /** Tool Call Id */
            tool_call_id: string;
        };
        /** ProjectList */
        ProjectList: {
            /** Items */
            items: components["schemas"]["ProjectOut"][];
        };
        /** ProjectOut */
        ProjectOut: {
            /** Archived */
            archived: boolean;
            /** Conversation Count */
            conversation_count: number;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Description */
            description: string;
            /** File Count */
            file_count: number;
            /** Id */
            id: string;
            /**
             * Instructions
             * @description Told to the model in every chat of the project.
             */
            instructions: string;
            /**
             * Knowledge Tokens
             * @description Rough input tokens of all its knowledge files.
             */
            knowledge_tokens: number;
            /** Name */
            name: string;
            /** Pinned */
            pinned: boolean;
            /**
             * Updated At
             * Format: date-time
             * @description Last change to the project or one of its chats.
             */
            updated_at: string;
        };
        /** Publication */
        Publication: {
            /**
             * Public Url
             * @description Path of the read-only page, e.g. /a/<token>.
             */
            public_url: string;
        };
        /**
         * Queued
         * @description The model is busy with other people's requests; this one is `position` in line.
         */
        Queued: {
            /** Position */
            position: number;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "queued";
        };
        /** Regenerate */
        Regenerate: {
            /** Model */
            model?: string | null;
        };
        /** Register */
        Register: {
            /** Email */
            email: string;
            /** Name */
            name: string;
            /** Password */
            password: string;
        };
        /**
         * RunEventFrame
         * @description Documents the SSE frame: `id:` is the seq, `event:` is data.type, `data:` is the JSON event.
         */
        RunEventFrame: {
            /** Event */
            event: components["schemas"]["MessageStart"] | components["schemas"]["Queued"] | components["schemas"]["TextDelta"] | components["schemas"]["ThinkingDelta"] | components["schemas"]["ArtifactStart"] | components["schemas"]["ArtifactDelta"] | components["schemas"]["Artifact"] | components["schemas"]["ArtifactFailed"] | components["schemas"]["ToolCall"] | components["schemas"]["ApprovalRequired"] | components["schemas"]["ApprovalResolved"] | components["schemas"]["ToolOutput"] | components["schemas"]["ToolResult"] | components["schemas"]["Usage"] | components["schemas"]["Error"] | components["schemas"]["MessageStop"] | components["schemas"]["Title"] | components["schemas"]["Sources"];
            /** Id */
            id: number;
        };
        /** RunOut */
        RunOut: {
            /** Conversation Id */
            conversation_id: string;
            /** Id */
            id: string;
            /** Message Id */
            message_id: string;
            /** Pending Approvals */
            pending_approvals: components["schemas"]["PendingApproval"][];
            /**
             * Status
             * @description running, waiting (for an approval), or how it ended.
             */
            status: string;
            /**
             * Step
             * @description Model turns taken so far in the agent loop.
             */
            step: number;
        };
        /** SandboxInfo */
        SandboxInfo: {
            /** Available */
            available: boolean;
            /**
             * Default Permission Mode
             * @description The mode of a conversation that has chosen none (PARLEY_DEFAULT_PERMISSION_MODE).
             * @enum {string}
             */
            default_permission_mode: "ask" | "allow";
            /** Languages */
            languages: string[];
            limits: components["schemas"]["SandboxLimitsOut"];
            /**
             * Reason
             * @description Why code cannot run here, when it cannot.
             */
            reason: string | null;
        };
        /** SandboxLimitsOut */
        SandboxLimitsOut: {
            /** Max Output Bytes */
            max_output_bytes: number;
            /** Max Processes */
            max_processes: number;
            /** Max Timeout Seconds */
            max_timeout_seconds: number;
            /** Memory Mb */
            memory_mb: number;
            /**
             * Network
             * @default false
             */
            network: boolean;
            /** Timeout Seconds */
            timeout_seconds: number;
        };
        /** SearchHit */
        SearchHit: {
            /** Conversation Id */
            conversation_id: string;
            /** Conversation Title */
            conversation_title: string;
            /**
             * Created At
             * Format: date-time
             * @description When the message was written (or the chat made).
             */
            created_at: string;
            /**
             * Message Id
             * @description None when the conversation's title matched.
             */
            message_id: string | null;
            /** Project Id */
            project_id: string | null;
            /** Role */
            role: ("user" | "assistant") | null;
            /** Snippet */
            snippet: components["schemas"]["SnippetSegment"][];
        };
        /** SearchPage */
        SearchPage: {
            /** Items */
            items: components["schemas"]["SearchHit"][];
            /** Next Cursor */
            next_cursor: string | null;
        };
        /** SendMessage */
        SendMessage: {
            /**
             * Attachments
             * @description Ids of the caller's files (POST /api/files) to attach, in order.
             */
            attachments?: string[];
            /**
             * Content
             * @description The user's message (Markdown); may be empty when files are attached.
             * @default
             */
            content: string;
            /**
             * Model
             * @description Model for this turn; defaults to the conversation's.
             */
            model?: string | null;
            /**
             * Parent Id
             * @description The message this one follows. Omitted: the latest message. Null: none, so the message starts a new branch at the top (an edit of the first message).
             */
            parent_id?: string | null;
        };
        /** SnippetSegment */
        SnippetSegment: {
            /**
             * Highlight
             * @description A word that matched the query.
             */
            highlight: boolean;
            /**
             * Text
             * @description Plain text; the client renders it as text, never as HTML.
             */
            text: string;
        };
        /**
         * Source
         * @description A passage of a project's knowledge that the answer cites as [n].
         */
        Source: {
            /** Chunk Id */
            chunk_id: number;
            /**
             * Excerpt
             * @description The start of the passage, as plain text.
             */
            excerpt: string;
            /** File Id */
            file_id: string;
            /** File Name */
            file_name: string;
            /**
             * N
             * @description The number the answer cites it by: [n].
             */
            n: number;
            /**
             * Page
             * @description PDFs and presentations: the page or slide.
             */
            page?: number | null;
            /**
             * Section
             * @description The heading the passage falls under.
             */
            section?: string | null;
        };
        /**
         * Sources
         * @description The knowledge passages the answer cited; follows message_stop in a project's chats.
         */
        Sources: {
            /** Message Id */
            message_id: string;
            /** Sources */
            sources: components["schemas"]["Source"][];
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "sources";
        };
        /**
         * SourcesPart
         * @description The knowledge passages the answer cites; written when the answer ends.
         */
        SourcesPart: {
            /** Sources */
            sources: components["schemas"]["Source"][];
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "sources";
        };
        /** TextDelta */
        TextDelta: {
            /** Text */
            text: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "text_delta";
        };
        /** TextPart */
        TextPart: {
            /** Text */
            text: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "text";
        };
        /** ThinkingDelta */
        ThinkingDelta: {
            /** Text */
            text: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "thinking_delta";
        };
        /** ThinkingPart */
        ThinkingPart: {
            /** Text */
            text: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "thinking";
        };
        /**
         * Title
         * @description The conversation was named; may follow message_stop on the first exchange.
         */
        Title: {
            /** Conversation Id */
            conversation_id: string;
            /** Title */
            title: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "title";
        };
        /**
         * ToolCall
         * @description The model asked to use a tool (run_code); approval or the result follows.
         */
        ToolCall: {
            /** Input */
            input: {
                [key: string]: unknown;
            };
            /** Name */
            name: string;
            /** Tool Call Id */
            tool_call_id: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "tool_call";
        };
        /** ToolCallPart */
        ToolCallPart: {
            /** Approval */
            approval?: ("pending" | "approved" | "denied" | "automatic") | null;
            /** Input */
            input: {
                [key: string]: unknown;
            };
            /** Name */
            name: string;
            /** Tool Call Id */
            tool_call_id: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "tool_call";
        };
        /**
         * ToolOutput
         * @description Live output of a running tool call.
         */
        ToolOutput: {
            /**
             * Stream
             * @enum {string}
             */
            stream: "stdout" | "stderr";
            /** Text */
            text: string;
            /** Tool Call Id */
            tool_call_id: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "tool_output";
        };
        /** ToolResult */
        ToolResult: {
            /**
             * Content
             * @description What the model was told.
             */
            content: string;
            execution?: components["schemas"]["ExecutionOut"] | null;
            /** Is Error */
            is_error: boolean;
            /** Name */
            name: string;
            /** Tool Call Id */
            tool_call_id: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "tool_result";
        };
        /** ToolResultPart */
        ToolResultPart: {
            /** Content */
            content: string;
            execution?: components["schemas"]["ExecutionOut"] | null;
            /** Is Error */
            is_error: boolean;
            /** Name */
            name: string;
            /** Tool Call Id */
            tool_call_id: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "tool_result";
        };
        /** TurnStarted */
        TurnStarted: {
            assistant_message: components["schemas"]["MessageOut"];
            /** Run Id */
            run_id: string;
            user_message: components["schemas"]["MessageOut"];
        };
        /** UpdateConversation */
        UpdateConversation: {
            /** Archived */
            archived?: boolean | null;
            /** Model */
            model?: string | null;
            /** Pinned */
            pinned?: boolean | null;
            /**
             * Project Id
             * @description Move into this project; null takes it out of any.
             */
            project_id?: string | null;
            settings?: components["schemas"]["ConversationSettings"] | null;
            /** Title */
            title?: string | null;
        };
        /** UpdateProject */
        UpdateProject: {
            /** Archived */
            archived?: boolean | null;
            /** Description */
            description?: string | null;
            /** Instructions */
            instructions?: string | null;
            /** Name */
            name?: string | null;
            /** Pinned */
            pinned?: boolean | null;
        };
        /**
         * UpdateUserSettings
         * @description Any subset of the keys; null puts a key back to its default; an unknown key is refused
         *     (422).
         */
        UpdateUserSettings: {
            /** Chat Font */
            chat_font?: ("default" | "system" | "dyslexic") | null;
            /** Custom Instructions */
            custom_instructions?: string | null;
            /** Custom Styles */
            custom_styles?: components["schemas"]["CustomStyle"][] | null;
            /** Default Model */
            default_model?: string | null;
            /** Follow Ups */
            follow_ups?: boolean | null;
            /** Locale */
            locale?: string | null;
            /** Permission Mode */
            permission_mode?: ("ask" | "allow") | null;
            /** Reduced Motion */
            reduced_motion?: boolean | null;
            /** Send On Enter */
            send_on_enter?: boolean | null;
            /** Style */
            style?: string | null;
            /** Text Size */
            text_size?: ("small" | "medium" | "large") | null;
            /** Theme */
            theme?: ("light" | "dark" | "system") | null;
            /** Thinking */
            thinking?: boolean | null;
            /** Thinking Budget */
            thinking_budget?: number | null;
        };
        /** Usage */
        Usage: {
            /**
             * Cache Read Tokens
             * @default 0
             */
            cache_read_tokens: number;
            /**
             * Cache Write Tokens
             * @default 0
             */
            cache_write_tokens: number;
            /**
             * Cost Usd
             * @description At the catalog's prices; null: unknown.
             */
            cost_usd?: number | null;
            /**
             * Input Tokens
             * @description All of the prompt, the cached part included.
             */
            input_tokens: number;
            /** Output Tokens */
            output_tokens: number;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "usage";
        };
        /** UsageOut */
        UsageOut: {
            /**
             * From
             * Format: date
             * @description First day counted (UTC).
             */
            from: string;
            /**
             * Group By
             * @enum {string}
             */
            group_by: "day" | "model" | "conversation";
            /**
             * Rows
             * @description Days in order; models and chats by cost, then use.
             */
            rows: components["schemas"]["UsageRow"][];
            /**
             * To
             * Format: date
             * @description Last day counted (UTC), inclusive.
             */
            to: string;
            total: components["schemas"]["UsageRow"];
        };
        /** UsageRow */
        UsageRow: {
            /** Answers */
            answers: number;
            /** Cache Read Tokens */
            cache_read_tokens: number;
            /** Cache Write Tokens */
            cache_write_tokens: number;
            /**
             * Cost Usd
             * @description At the catalog's prices, of the answers priced.
             */
            cost_usd: number;
            /**
             * Input Tokens
             * @description All of the prompts, the cached parts included.
             */
            input_tokens: number;
            /**
             * Key
             * @description The day (YYYY-MM-DD, UTC), the model id or the conversation id.
             */
            key: string;
            /**
             * Label
             * @description For people: the day, the model's name, the chat's title.
             */
            label: string;
            /** Output Tokens */
            output_tokens: number;
            /**
             * Unpriced Answers
             * @description Answers of models without known prices.
             */
            unpriced_answers: number;
        };
        /** UserOut */
        UserOut: {
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Email */
            email: string;
            /** Id */
            id: string;
            /** Is Admin */
            is_admin: boolean;
            /** Name */
            name: string;
        };
        /** UserSettingsOut */
        UserSettingsOut: {
            /**
             * Chat Font
             * @default default
             * @enum {string}
             */
            chat_font: "default" | "system" | "dyslexic";
            /**
             * Custom Instructions
             * @description What Parley should know about you: sent with every conversation.
             * @default
             */
            custom_instructions: string;
            /** Custom Styles */
            custom_styles?: components["schemas"]["CustomStyle"][];
            /**
             * Default Model
             * @description For new chats; null: the server's.
             */
            default_model?: string | null;
            /**
             * Follow Ups
             * @description Suggest follow-up questions after an answer.
             * @default true
             */
            follow_ups: boolean;
            /**
             * Locale
             * @description BCP 47 tag for dates and numbers; null: browser's.
             */
            locale?: string | null;
            /**
             * Permission Mode
             * @description Code the model wants to run: ask first, or run at once; a chat's own choice wins; null: the server's default.
             */
            permission_mode?: ("ask" | "allow") | null;
            /**
             * Reduced Motion
             * @description null: follow the system setting.
             */
            reduced_motion?: boolean | null;
            /**
             * Send On Enter
             * @description false: Ctrl/⌘+Enter sends, Enter is a newline.
             * @default true
             */
            send_on_enter: boolean;
            /**
             * Style
             * @description normal, concise, explanatory, formal or a custom id.
             * @default normal
             */
            style: string;
            /**
             * Text Size
             * @default medium
             * @enum {string}
             */
            text_size: "small" | "medium" | "large";
            /**
             * Theme
             * @default system
             * @enum {string}
             */
            theme: "light" | "dark" | "system";
            /**
             * Thinking
             * @description Extended thinking on new chats (where supported).
             * @default false
             */
            thinking: boolean;
            /**
             * Thinking Budget
             * @default 8000
             */
            thinking_budget: number;
        };
        /** ValidationError */
        ValidationError: {
            /** Context */
            ctx?: Record<string, never>;
            /** Input */
            input?: unknown;
            /** Location */
            loc: (string | number)[];
            /** Message */
            msg: string;
            /** Error Type */
            type: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
};
export type $defs = Record<string, never>;
export interface operations {
    get_artifact_api_artifacts__artifact_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                artifact_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ArtifactOut"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    edit_artifact_api_artifacts__artifact_id__put: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                artifact_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EditArtifact"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ArtifactOut"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    delete_artifact_api_artifacts__artifact_id__delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                artifact_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    execute_artifact_api_artifacts__artifact_id__execute_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                artifact_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExecuteArtifact"];
            };
        };
        responses: {
            /** @description Server-sent events: `output` frames ({stream, text}) while the code runs, then one `result` frame whose data is an Execution. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExecutionOut"];
                    "text/event-stream": unknown;
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    list_executions_api_artifacts__artifact_id__executions_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                artifact_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExecutionList"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    publish_artifact_api_artifacts__artifact_id__publish_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                artifact_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Publication"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    unpublish_artifact_api_artifacts__artifact_id__publish_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                artifact_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    list_versions_api_artifacts__artifact_id__versions_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                artifact_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ArtifactVersionList"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    login_api_auth_login_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Login"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserOut"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    logout_api_auth_logout_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    me_api_auth_me_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserOut"];
                };
            };
        };
    };
    register_api_auth_register_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Register"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserOut"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    list_conversations_api_conversations_get: {
        parameters: {
            query?: {
                archived?: boolean;
                before?: string | null;
                limit?: number;
                /** @description Only the chats of this project. */
                project_id?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConversationPage"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    create_conversation_api_conversations_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateConversation"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConversationOut"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    get_conversation_api_conversations__conversation_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                conversation_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConversationOut"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    delete_conversation_api_conversations__conversation_id__delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                conversation_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    update_conversation_api_conversations__conversation_id__patch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                conversation_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateConversation"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConversationOut"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    list_artifacts_api_conversations__conversation_id__artifacts_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                conversation_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ArtifactList"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    duplicate_conversation_api_conversations__conversation_id__duplicate_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                conversation_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["DuplicateConversation"] | null;
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConversationOut"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    list_conversation_files_api_conversations__conversation_id__files_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                conversation_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FilePage"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    get_messages_api_conversations__conversation_id__messages_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                conversation_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessageList"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    send_message_api_conversations__conversation_id__messages_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                conversation_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SendMessage"];
            };
        };
        responses: {
            /** @description Successful Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TurnStarted"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    regenerate_message_api_conversations__conversation_id__messages__message_id__regenerate_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                conversation_id: string;
                message_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Regenerate"];
            };
        };
        responses: {
            /** @description Successful Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TurnStarted"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    restore_conversation_api_conversations__conversation_id__restore_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                conversation_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConversationOut"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    bulk_update_conversations_api_conversations_bulk_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BulkAction"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulkResult"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    download_file_api_executions__execution_id__files__file_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                execution_id: string;
                file_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    list_files_api_files_get: {
        parameters: {
            query?: {
                before?: string | null;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FilePage"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    upload_file_api_files_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /** Format: binary */
                    file: string;
                };
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FileOut"];
                };
            };
            /** @description The file, or the caller's storage, is over its limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused by content (a program, an archive, a bomb) or malformed. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    get_file_api_files__file_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                file_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FileOut"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    delete_file_api_files__file_id__delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                file_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    download_file_api_files__file_id__content_get: {
        parameters: {
            query?: {
                disposition?: string;
            };
            header?: never;
            path: {
                file_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    file_preview_api_files__file_id__preview_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                file_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    file_text_api_files__file_id__text_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                file_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FileText"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    file_limits_api_files_limits_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FileLimits"];
                };
            };
        };
    };
    health_api_health_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
        };
    };
    models_api_models_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelList"];
                };
            };
        };
    };
    list_projects_api_projects_get: {
        parameters: {
            query?: {
                /** @description false (default): active; true: archived; empty: all. */
                archived?: boolean | null;
                /** @description Words of the name. */
                q?: string | null;
                sort?: "activity" | "name" | "created";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectList"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    create_project_api_projects_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateProject"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectOut"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    get_project_api_projects__project_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectOut"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    delete_project_api_projects__project_id__delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    update_project_api_projects__project_id__patch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateProject"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectOut"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    list_knowledge_api_projects__project_id__files_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KnowledgeFileList"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    add_knowledge_api_projects__project_id__files__file_id__post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                file_id: string;
                project_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file was in the project's knowledge already. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KnowledgeFileOut"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    remove_knowledge_api_projects__project_id__files__file_id__delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                file_id: string;
                project_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    get_run_api_runs__run_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                run_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunOut"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    decide_approval_api_runs__run_id__approvals__tool_call_id__post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                run_id: string;
                tool_call_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApprovalDecision"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApprovalResult"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    cancel_run_api_runs__run_id__cancel_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                run_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CancelResult"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    run_events_api_runs__run_id__events_get: {
        parameters: {
            query?: {
                /** @description Resume after this seq. */
                after?: number | null;
            };
            header?: {
                "Last-Event-ID"?: string | null;
            };
            path: {
                run_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Server-sent events; each frame's data is one RunEvent. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunEventFrame"];
                    "text/event-stream": unknown;
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    sandbox_info_api_sandbox_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SandboxInfo"];
                };
            };
        };
    };
    search_api_search_get: {
        parameters: {
            query: {
                cursor?: string | null;
                limit?: number;
                project_id?: string | null;
                /** @description Words to find in titles and messages; each also matches as a prefix. */
                q: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SearchPage"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    get_settings_api_settings_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserSettingsOut"];
                };
            };
        };
    };
    update_settings_api_settings_patch: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateUserSettings"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserSettingsOut"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    get_usage_api_usage_get: {
        parameters: {
            query?: {
                format?: "json" | "csv";
                /** @description Default: 29 days before to. */
                from?: string | null;
                group_by?: "day" | "model" | "conversation";
                /** @description Default: today (UTC). */
                to?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description JSON, or CSV with format=csv */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsageOut"];
                    "text/csv": unknown;
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
}
