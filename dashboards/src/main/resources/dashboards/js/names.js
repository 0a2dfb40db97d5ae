// One lookup for the names of coded values (districts, school types, categories, severities, statuses, inspection
// types, boarding): every page shows names through it, in the page's language; codes stay in URLs, JSON and SQL.
// The names come from the API: GET /api/v1/names (the reference data) and the model's dimension members of
// GET /api/v1/meta for the sets the reference data do not hold (boarding).
import { getJson } from './api.js';

export class Names {
  /** lists: [{kind, members: [{code, nameZh, nameEn}]}]. */
  constructor(lists = []) {
    this.byKind = new Map();
    for (const list of lists) {
      const members = this.byKind.get(list.kind) ?? new Map();
      for (const member of list.members ?? []) {
        if (!members.has(member.code)) {
          members.set(member.code, member);
        }
      }
      this.byKind.set(list.kind, members);
    }
  }

  /** Adds the catalog's dimension members (kind = dimension code) for codes the reference lists lack. */
  withCatalog(catalog) {
    const lists = [...this.byKind.entries()].map(([kind, members]) => ({ kind, members: [...members.values()] }));
    for (const dimension of catalog?.dimensions ?? []) {
      lists.push({ kind: dimension.code, members: dimension.members ?? [] });
    }
    return new Names(lists);
  }

  /** The member {code, nameZh, nameEn}, or undefined. */
  member(kind, code) {
    return this.byKind.get(kind)?.get(code);
  }

  /**
   * The name of a code in the language; a code nobody named (e.g. one newer than the running server) is shown as it
   * is rather than hidden, and an empty value as a dash.
   */
  name(kind, code, language) {
    if (code === null || code === undefined || code === '') {
      return '—';
    }
    const member = this.member(kind, code);
    if (!member) {
      return String(code);
    }
    return language === 'en' ? member.nameEn : member.nameZh;
  }
}

/** Loads the names once for the page; an unreachable API leaves codes as they are (the page reports the failure). */
export async function loadNames(catalog) {
  let names;
  try {
    const body = await getJson('/api/v1/names');
    names = new Names(body.lists);
  } catch {
    names = new Names();
  }
  return catalog ? names.withCatalog(catalog) : names;
}
