// Text compared the way people search it: lower case without accents, so "élodie" finds "Élodie" and
// "Elodie", and "Santé" makes the id "sante". Pure: the pages and Node's tests share it.
export function fold(text) {
  return String(text ?? '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}
