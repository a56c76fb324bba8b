/// The templates of a realistic article page: a child template that fills the layout's blocks
/// through inheritance, and three partials included by the layout.
enum PageTemplates {
    static let sources: [String: String] = [
        "article.html": article,
        "layout.html": layout,
        "head.html": head,
        "header.html": header,
        "footer.html": footer,
    ]

    static let article = """
        {{<layout.html}}
        {{$title}}{{article.title}} | {{site.title}}{{/title}}
        {{$main}}
        <article class="article" id="article-{{article.slug}}">
          <header class="article-header">
            <p class="kicker"><a href="{{site.baseURL}}topics/{{article.topic.slug}}/">{{article.topic.name}}</a></p>
            <h1>{{article.title}}</h1>
            <p class="summary">{{article.summary}}</p>
            <p class="meta">By {{article.author}} · <time datetime="{{article.date}}">{{article.dateText}}</time> · {{article.readingMinutes}} min read</p>
            {{#article.updated}}
            <p class="updated">Updated <time datetime="{{article.updated}}">{{article.updatedText}}</time></p>
            {{/article.updated}}
          </header>
          <div class="article-body">
            {{{article.body}}}
          </div>
          {{#article.source}}
          <p class="source">Source: <a href="{{url}}" rel="nofollow">{{name}}</a></p>
          {{/article.source}}
          <aside class="leaders">
            <h2>Leaders in this story</h2>
            <ul>
              {{#article.leaders}}
              <li><a href="{{site.baseURL}}leaders/{{slug}}/">{{name}}</a>, {{role}} ({{country}})</li>
              {{/article.leaders}}
            </ul>
          </aside>
          <section class="related">
            <h2>Related coverage</h2>
            <ol>
              {{#related}}
              <li class="related-item{{#isFeatured}} featured{{/isFeatured}}"><a href="{{url}}">{{title}}</a>
                <time datetime="{{date}}">{{dateText}}</time> {{summary}}{{^topics}} <span class="no-topic">Uncategorised</span>{{/topics}}{{#topics}} <span class="topic">{{name}}</span>{{/topics}}</li>
              {{/related}}
            </ol>
          </section>
        </article>
        {{/main}}
        {{/layout.html}}
        """

    // Partials and the main block stand at the start of their lines: swift-mustache does not
    // indent the second and later items of a section inside an indented partial, and the two
    // engines must produce the same page.
    static let layout = """
        <!DOCTYPE html>
        <html lang="{{site.language}}">
        <head>
        {{> head.html}}
        </head>
        <body>
        {{> header.html}}
        <main id="content">
        {{$main}}<p>Nothing here.</p>{{/main}}
        </main>
        {{> footer.html}}
        </body>
        </html>

        """

    static let head = """
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{$title}}{{site.title}}{{/title}}</title>
        <meta name="description" content="{{article.summary}}">
        <link rel="canonical" href="{{site.baseURL}}{{article.path}}">
        <meta property="og:type" content="article">
        <meta property="og:title" content="{{article.title}}">
        <meta property="og:description" content="{{article.summary}}">
        <meta property="og:url" content="{{site.baseURL}}{{article.path}}">
        <meta name="twitter:card" content="summary">
        <link rel="stylesheet" href="{{site.baseURL}}assets/site.css">
        <link rel="alternate" type="application/rss+xml" title="{{site.title}}" href="{{site.baseURL}}feed.xml">

        """

    static let header = """
        <header class="site-header">
          <a class="brand" href="{{site.baseURL}}">{{site.title}}</a>
          <nav>
            <ul>
              {{#site.navigation}}
              <li><a href="{{site.baseURL}}{{path}}">{{title}}</a></li>
              {{/site.navigation}}
            </ul>
          </nav>
        </header>

        """

    static let footer = """
        <footer class="site-footer">
          <p>{{site.description}}</p>
          <p>&copy; {{site.year}} {{site.publisher}}. <a href="{{site.baseURL}}feed.xml">RSS</a> · <a href="{{site.baseURL}}atom.xml">Atom</a></p>
        </footer>

        """
}
