// Supervisor pages.
export function render(root) { root.textContent = '…'; }
