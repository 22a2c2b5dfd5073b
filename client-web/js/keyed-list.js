// Redraws a container's children from a list of items, keeping the element of every item whose
// signature did not change: a page of rows updated five times a second keeps its focus and costs only
// what changed. Focus on an element that had to be replaced moves to its successor ([data-focus-key]).

// items: [{key, signature, render: () => Element}]
export function syncChildren(container, items) {
  const known = container.keyedNodes || new Map();
  const active = document.activeElement;
  const focusKey = active && container.contains(active) ? active.dataset.focusKey : undefined;
  const next = new Map();
  const nodes = items.map((item) => {
    const before = known.get(item.key);
    const node = before && before.signature === item.signature ? before.node : item.render();
    next.set(item.key, { node, signature: item.signature });
    return node;
  });
  // Move only what is out of place: a node left where it is keeps the focus.
  nodes.forEach((node, i) => {
    if (container.children[i] !== node) container.insertBefore(node, container.children[i] || null);
  });
  while (container.children.length > nodes.length) container.lastElementChild.remove();
  container.keyedNodes = next;
  if (focusKey !== undefined && !container.contains(document.activeElement)) {
    const again = container.querySelector(`[data-focus-key="${CSS.escape(focusKey)}"]`);
    if (again) again.focus();
  }
}
