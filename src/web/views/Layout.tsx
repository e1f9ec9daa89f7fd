import type { ComponentChildren } from 'preact';

export interface LayoutProps {
  readonly title: string;
  readonly children: ComponentChildren;
}

const NAV: readonly { href: string; label: string }[] = [
  { href: '/', label: '首页' },
  { href: '/disclosure', label: '政府信息公开' },
  { href: '/disclosure/search', label: '信息检索' },
  { href: '/apply', label: '申请公开' },
  { href: '/disclosure/open-data', label: '开放数据' },
  { href: '/report-check', label: '年度报告检查' },
  { href: '/docs', label: '接口文档' },
];

/**
 * The public portal shell: plain, fast, readable on a phone, no script needed. The elder-friendly and
 * mourning modes are classes the server adds to <html> per request (src/web/display.ts); both switch
 * links are here and the stylesheet shows the one that applies.
 */
export function Layout({ title, children }: LayoutProps) {
  return (
    <html lang="zh-CN">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} - 公开`}</title>
        <link rel="stylesheet" href="/assets/site.css" />
      </head>
      <body>
        <a class="skip-link" href="#main">
          跳到正文
        </a>
        <header class="site-header">
          <p class="site-name">公开 · 政府信息公开平台</p>
          <p class="display-switch">
            <a class="to-elder" href="/display?elder=1">
              长者模式（大字体）
            </a>
            <a class="to-standard" href="/display?elder=0">
              退出长者模式
            </a>
          </p>
          <nav aria-label="主导航">
            <ul>
              {NAV.map((item) => (
                <li key={item.href}>
                  <a href={item.href}>{item.label}</a>
                </li>
              ))}
            </ul>
          </nav>
          <form class="site-search" method="get" action="/disclosure/search" role="search">
            <label for="site-q">站内检索</label>
            <input id="site-q" name="q" type="search" maxLength={200} />
            <button type="submit">检索</button>
          </form>
        </header>
        <main id="main">{children}</main>
        <footer class="site-footer">
          <p>依据《中华人民共和国政府信息公开条例》建设</p>
        </footer>
      </body>
    </html>
  );
}
