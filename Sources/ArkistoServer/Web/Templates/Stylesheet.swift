/// `/static/app.css`: the only style source the Content-Security-Policy allows.
enum Stylesheet {
    static let text = """
        body { font-family: system-ui, sans-serif; margin: 0; color: #1b1b1b; background: #fafafa; }
        header { background: #1d3c5a; color: #fff; padding: 0.5rem 1rem; }
        nav { display: flex; gap: 1rem; align-items: center; flex-wrap: wrap; }
        nav a { color: #fff; text-decoration: none; }
        nav a.brand { font-weight: bold; }
        nav .who { margin-left: auto; }
        nav form { display: inline; }
        main { padding: 1rem 2rem; max-width: 70rem; }
        .error { color: #a00000; font-weight: bold; }
        .warning { color: #8a4b00; font-weight: bold; }
        mark { background: #ffe27a; }
        li.hit { margin-bottom: 1rem; }
        li.complaint { border-left: 4px solid #c0392b; padding-left: 0.5rem; }
        .meta, .when, .kind { color: #555; font-size: 0.9em; }
        .flag { color: #c0392b; }
        pre { white-space: pre-wrap; background: #fff; border: 1px solid #ddd; padding: 0.75rem; }
        .attachment-text pre { max-height: 30rem; overflow: auto; }
        .attachment-problems, .snippet-attachment { color: #6b4e00; }
        table { border-collapse: collapse; }
        th, td { border: 1px solid #ccc; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
        tr.overdue td, tr.failing td { background: #fde8e8; }
        dl.profile dt, dl#headers dt { font-weight: bold; }
        .filters label { margin-left: 0.5rem; }

        """
}
