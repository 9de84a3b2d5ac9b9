// recharts and lucide-react are built with `react` resolved here: the React the react chunk loaded.
module.exports = window.__parleyReact;
