/**
 * The search page's client: loads Pagefind's runtime from the site itself on
 * first use, and renders results as plain text nodes (never HTML from the
 * query). The query is kept in ?q= so a search can be linked.
 */
interface PagefindResultData {
  url: string;
  meta: { title?: string };
  excerpt: string;
}
interface Pagefind {
  options(options: { baseUrl: string }): Promise<void>;
  search(query: string): Promise<{ results: { data(): Promise<PagefindResultData> }[] }>;
}

/**
 * Pagefind's excerpt is escaped page text with hits wrapped in <mark>. Rebuild
 * it as text nodes and fresh <mark> elements: the highlights stay, and nothing
 * else from the excerpt (which can quote the query) ever becomes markup. An
 * inert DOMParser document neither runs scripts nor loads images.
 */
function excerptNodes(excerpt: string): Node[] {
  const parsed = new DOMParser().parseFromString(`<body>${excerpt}</body>`, "text/html").body;
  return [...parsed.childNodes].map((node) => {
    if (node.nodeName !== "MARK") return document.createTextNode(node.textContent ?? "");
    const mark = document.createElement("mark");
    mark.textContent = node.textContent;
    return mark;
  });
}

export function mountSearch(form: HTMLFormElement): void {
  const input = form.querySelector<HTMLInputElement>("input[type=search]");
  const status = document.querySelector<HTMLElement>("[data-role=status]");
  const list = document.querySelector<HTMLOListElement>("[data-role=results]");
  const url = form.dataset.pagefindUrl;
  const base = form.dataset.base ?? "/";
  if (!input || !status || !list || !url) return;
  let pagefind: Promise<Pagefind> | undefined;

  const run = async (query: string): Promise<void> => {
    const q = query.trim();
    list.replaceChildren();
    if (q === "") return;
    status.textContent = "Searching…";
    try {
      pagefind ??= (import(/* @vite-ignore */ url) as Promise<Pagefind>).then(async (module) => {
        await module.options({ baseUrl: base });
        return module;
      });
      const { results } = await (await pagefind).search(q);
      const data = await Promise.all(results.slice(0, 20).map((r) => r.data()));
      for (const item of data) {
        const li = document.createElement("li");
        const a = document.createElement("a");
        a.href = item.url;
        a.textContent = item.meta.title ?? item.url;
        const p = document.createElement("p");
        p.append(...excerptNodes(item.excerpt));
        li.append(a, p);
        list.append(li);
      }
      status.textContent = data.length === 0 ? `No page mentions "${q}".` : `${results.length} pages mention "${q}".`;
    } catch (error) {
      status.textContent = `Search is unavailable (${String(error)}). The glossary A–Z lists every entry.`;
    }
  };

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const params = new URLSearchParams(location.search);
    params.set("q", input.value);
    history.replaceState(null, "", `?${params}`);
    void run(input.value);
  });
  const initial = new URLSearchParams(location.search).get("q");
  if (initial) {
    input.value = initial;
    void run(initial);
  }
}
