/** The only code that touches `location` and `history`: read the query, replace it. */
export function readQuery(): URLSearchParams {
  return new URLSearchParams(window.location.search);
}

export function writeQuery(params: URLSearchParams): void {
  const url = new URL(window.location.href);
  url.search = params.toString();
  window.history.replaceState(window.history.state, "", url);
}
