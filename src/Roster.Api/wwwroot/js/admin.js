// Administrator pages (roster grid, generation, publishing, approvals): see admin-*.js.
export function render(root) { root.textContent = '…'; }
