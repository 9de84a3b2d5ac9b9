module.exports = window.__parleyJsxRuntime;
