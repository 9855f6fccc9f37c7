//! Graph algorithms over nodes numbered 0..n with edges as adjacency lists: what the
//! catalogue's check of formulas referring to each other in a circle needs, kept apart from
//! the check itself.

use std::collections::HashMap;

/// The strongly connected component of each node (Tarjan's algorithm, iterative so that a
/// long chain of references cannot exhaust the stack).
pub(super) fn strongly_connected(edges: &[Vec<usize>]) -> Vec<usize> {
    const UNSEEN: usize = usize::MAX;
    let n = edges.len();
    let (mut index, mut low, mut on_stack) = (vec![UNSEEN; n], vec![0; n], vec![false; n]);
    let (mut component, mut stack) = (vec![UNSEEN; n], Vec::new());
    let (mut next_index, mut next_component) = (0, 0);
    for root in 0..n {
        if index[root] != UNSEEN {
            continue;
        }
        let mut work = vec![(root, 0)];
        while let Some(&(node, position)) = work.last() {
            if position == 0 && index[node] == UNSEEN {
                (index[node], low[node]) = (next_index, next_index);
                next_index += 1;
                stack.push(node);
                on_stack[node] = true;
            }
            if let Some(&next) = edges[node].get(position) {
                if let Some(top) = work.last_mut() {
                    top.1 += 1;
                }
                if index[next] == UNSEEN {
                    work.push((next, 0));
                } else if on_stack[next] {
                    low[node] = low[node].min(index[next]);
                }
                continue;
            }
            work.pop();
            if let Some(&(parent, _)) = work.last() {
                low[parent] = low[parent].min(low[node]);
            }
            if low[node] == index[node] {
                while let Some(member) = stack.pop() {
                    on_stack[member] = false;
                    component[member] = next_component;
                    if member == node {
                        break;
                    }
                }
                next_component += 1;
            }
        }
    }
    component
}

/// The shortest circle of edges from `start` back to it through nodes `inside` allows, as the
/// nodes before returning (breadth-first, so the named circle is the simplest one;
/// deterministic by edge order).
pub(super) fn shortest_cycle(
    edges: &[Vec<usize>],
    start: usize,
    inside: impl Fn(usize) -> bool,
) -> Option<Vec<usize>> {
    let mut came_from: HashMap<usize, usize> = HashMap::new();
    let mut queue = std::collections::VecDeque::from([start]);
    while let Some(node) = queue.pop_front() {
        for &next in &edges[node] {
            if next == start {
                let mut path = vec![node];
                let mut at = node;
                while let Some(&previous) = came_from.get(&at).filter(|_| at != start) {
                    at = previous;
                    path.push(at);
                }
                path.reverse();
                return Some(path);
            }
            if next != node && inside(next) && !came_from.contains_key(&next) {
                came_from.insert(next, node);
                queue.push_back(next);
            }
        }
    }
    None
}
