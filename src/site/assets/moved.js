// Addresses that moved when the budget year became the unit of the site (issue 16),
// followed from the 404 page (GitHub Pages serves it at any missing address; it is
// the one script of a page that is not the search page, and it only redirects):
//   /en/<year>/…                       → /<year>/en/…   (the English interface of a year's pages)
//   /data/replies.json, .csv, tables.json → /data/        (the exports are per year now, listed there)
// Whatever prefix the site is served under (a project site's /<repository>/) is kept.
(function () {
  var path = location.pathname;
  var target = null;
  var english = /^(.*?)\/en\/(\d{4}-\d{2})(\/.*)?$/.exec(path);
  var data = /^(.*?)\/data\/(replies\.json|replies\.csv|tables\.json)$/.exec(path);
  if (english) target = english[1] + '/' + english[2] + '/en' + (english[3] || '/');
  else if (data) target = data[1] + '/data/';
  if (target !== null && target !== path) location.replace(target + location.search + location.hash);
})();
