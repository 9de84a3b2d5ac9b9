module.exports = window.__parleyReactDOM;
