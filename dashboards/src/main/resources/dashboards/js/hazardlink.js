// A hazard id in a list, as a link to the hazard's page (hazard.html: its timeline and the batches it came from).
import { pageLink } from './page.js';

export function hazardLink(row, language) {
  const link = document.createElement('a');
  link.href = pageLink('hazard.html', { school: row.schoolCode, id: row.hazardId }, language);
  link.textContent = row.hazardId;
  return link;
}
