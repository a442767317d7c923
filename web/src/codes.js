// Labels and colours for CAMEO QuadClass and root codes. The palette is
// from the Okabe–Ito colour-blind-safe set: blues for cooperation, oranges
// for conflict, lighter for verbal and darker for material.

export const QUADS = [
  { id: 1, label: 'Verbal cooperation', short: 'Verbal coop', color: '#56B4E9' },
  { id: 2, label: 'Material cooperation', short: 'Material coop', color: '#0072B2' },
  { id: 3, label: 'Verbal conflict', short: 'Verbal conflict', color: '#E69F00' },
  { id: 4, label: 'Material conflict', short: 'Material conflict', color: '#D55E00' },
];

export function quadColor(q) {
  const e = QUADS[Number(q) - 1];
  return e ? e.color : '#9aa3ad';
}

export function quadLabel(q) {
  const e = QUADS[Number(q) - 1];
  return e ? e.label : 'Unknown';
}

/** dominantQuad of {"1":n,...}: the class with most events (ties → the more severe). */
export function dominantQuad(counts) {
  let best = 0;
  let bestN = 0;
  for (const q of [1, 2, 3, 4]) {
    const n = Number(counts?.[q] ?? counts?.[String(q)] ?? 0);
    if (n > 0 && n >= bestN) {
      best = q;
      bestN = n;
    }
  }
  return best;
}

export const ROOTS = {
  '01': 'Make public statement',
  '02': 'Appeal',
  '03': 'Express intent to cooperate',
  '04': 'Consult',
  '05': 'Engage in diplomatic cooperation',
  '06': 'Engage in material cooperation',
  '07': 'Provide aid',
  '08': 'Yield',
  '09': 'Investigate',
  '10': 'Demand',
  '11': 'Disapprove',
  '12': 'Reject',
  '13': 'Threaten',
  '14': 'Protest',
  '15': 'Exhibit force posture',
  '16': 'Reduce relations',
  '17': 'Coerce',
  '18': 'Assault',
  '19': 'Fight',
  '20': 'Use unconventional mass violence',
};
