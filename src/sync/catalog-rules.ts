/**
 * The catalog's rule on what a public document may say (part of its `validate_doc_update`,
 * rules.ts): anyone can read the catalog, so the server refuses a document that names a buyer
 * or an order, even from the seller. A team goes there with its count and members' initials, a
 * review with its writer's initials (domain/public-copy.ts, which the seller's device uses to
 * publish, and whose `privateInPublic` says the same in the app's words).
 *
 * A SOURCE STRING in plain ES5, like the rest of rules.ts: it runs on the server.
 */

/** At most this many UTF-16 units in a person's initials (two letters, astral ones too). */
export const MAX_INITIALS_CHARS = 4;

export const CATALOG_PUBLIC_ONLY = `
  var why = [];
  function named(x) { return x !== undefined && x !== null; }
  if (named(newDoc.buyer) || named(newDoc.orderId)) why.push('a buyer or an order id');
  if (named(newDoc.intentId) || named(newDoc.intentRev)) why.push("the buyer's request it answers");
  if (newDoc.postings && newDoc.postings.length > 0) why.push('money movements');
  var set = newDoc.set;
  if (set && typeof set === 'object') {
    if (named(set.orders)) why.push('orders');
    if (named(set.withdrawals)) why.push('withdrawals');
    var i, j, t, r;
    var teams = Object.prototype.toString.call(set.teams) === '[object Array]' ? set.teams : [];
    for (i = 0; i < teams.length; i++) {
      t = teams[i] || {};
      if (named(t.leader) || (t.members && t.members.length > 0)) why.push('the names or order ids of team ' + String(t.id) + "'s members");
      var initials = Object.prototype.toString.call(t.initials) === '[object Array]' ? t.initials : [];
      for (j = 0; j < initials.length; j++) {
        if (typeof initials[j] !== 'string' || initials[j].length > ${MAX_INITIALS_CHARS}) why.push('more than initials for team ' + String(t.id) + "'s members");
      }
    }
    var reviews = Object.prototype.toString.call(set.reviews) === '[object Array]' ? set.reviews : [];
    for (i = 0; i < reviews.length; i++) {
      r = reviews[i] || {};
      if (named(r.buyer) || named(r.orderId)) why.push('the name or order id of the writer of review ' + String(r.id));
      if (named(r.initials) && (typeof r.initials !== 'string' || r.initials.length > ${MAX_INITIALS_CHARS})) why.push('more than initials for the writer of review ' + String(r.id));
    }
  }
  if (why.length > 0) {
    refuse('The catalog is public: it must not carry ' + why.join('; ') + '. A team shows its count and its members\\' initials, a review its writer\\'s initials.');
  }`;
