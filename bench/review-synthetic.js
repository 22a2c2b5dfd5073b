// A synthetic staff review (graph and report JSON in the shapes of shared/protocol.md, Staff review):
// `people` attendees seated at random for `rounds` rounds at tables of `tableSize`, from `organisations`
// organisations of uneven size. Seeded, so every run draws the same event. Used by bench/review-draw.js.
import { seeded } from '../client-web/js/seeded.js';

export function syntheticReview({ people, rounds = 6, tableSize = 5, organisations = 100, seed = 1 }) {
  const random = seeded(seed);
  const pick = (choices) => choices[Math.floor(random() * choices.length)];
  const nodes = Array.from({ length: people }, (_, i) => ({
    id: i + 1, label: `Personne ${i + 1}`,
    // Squaring skews sizes: a few large organisations, many small ones, as in a real territory.
    organisation: `Structure ${1 + Math.floor(random() ** 2 * organisations)}`,
    role: pick(['Conseiller·e', 'Travailleur·se social·e', 'Bénévole', '']),
    erased: false, left: false, met: 0, rounds_seated: rounds, visible_ms: 0, chat_sent: 0,
    betweenness: 0, component: 0,
  }));
  const pairs = new Map();
  for (let round = 1; round <= rounds; round += 1) {
    const order = nodes.map((node) => node.id);
    for (let i = order.length - 1; i > 0; i -= 1) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (let start = 0, table = 1; start < order.length; start += tableSize, table += 1) {
      const seat = order.slice(start, start + tableSize);
      for (let x = 0; x < seat.length; x += 1) {
        for (let y = x + 1; y < seat.length; y += 1) {
          const [a, b] = seat[x] < seat[y] ? [seat[x], seat[y]] : [seat[y], seat[x]];
          const key = a * 1e6 + b;
          if (!pairs.has(key)) pairs.set(key, { a, b, rounds: [], tables: [] });
          pairs.get(key).rounds.push(round);
          pairs.get(key).tables.push(table);
        }
      }
    }
  }
  const edges = [...pairs.values()].map((edge) => {
    const talked = random();
    return { ...edge, talked: talked < 0.3 ? 'both' : talked < 0.6 ? 'one' : 'none',
      keep_in_touch: random() < 0.1 ? 'both' : random() < 0.2 ? 'one' : 'none' };
  });
  for (const edge of edges) {
    nodes[edge.a - 1].met += 1;
    nodes[edge.b - 1].met += 1;
  }
  const event = { id: 'bench', title: `Bench ${people}`, phase: 'ended', rounds, ended_at: '2026-11-28T18:00:00Z' };
  const distribution = new Map();
  for (const node of nodes) distribution.set(node.met, (distribution.get(node.met) || 0) + 1);
  const mets = nodes.map((node) => node.met).sort((x, y) => x - y);
  const report = {
    event,
    attendees_per_round: Array.from({ length: rounds }, (_, i) => ({ round: i + 1, seated: people })),
    new_people_met: { distribution: [...distribution].sort((x, y) => x[0] - y[0]).map(([met, attendees]) => ({ met, attendees })),
      median: mets[Math.floor(mets.length / 2)], minimum: mets[0] },
    repeats: edges.filter((edge) => edge.rounds.length > 1).length,
    cross_organisation_share: 0.9, isolated: [],
    talked: { pairs: edges.length, answered_pairs: edges.length, at_least_one: 0.6, both: 0.3 },
    mutual_keep_in_touch: edges.filter((edge) => edge.keep_in_touch === 'both').length,
    usefulness: { answers: people, mean: 3.8, distribution: [5, 10, 20, 40, 25].map((p) => Math.round((p * people) / 100)) },
    presence: { median_visible_share: 0.85, chat_sent: people * 2, video_opened: people },
    components: { count: 1, largest: people },
    brokers: nodes.slice(0, 5).map(({ id, label, organisation }) => ({ id, label, organisation, betweenness: 0.01 })),
    go_to_people: nodes.slice(5, 10).map(({ id, label, organisation }) => ({ id, label, organisation, wishes_received: 3 })),
    ei_index: 0.8,
  };
  return { graph: { event, nodes, edges }, report };
}
