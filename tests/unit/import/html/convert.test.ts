/**
 * convertPost, rule by rule, on tiny inline posts: each row is the HTML a WordPress
 * export holds, the Markdown body expected, and the findings (code:detail) expected.
 */
import { describe, expect, it } from 'vitest';
import { convertPost } from '../../../../src/import/wordpress/html/index.ts';
import { codes, testContext } from './context.ts';

const UP = 'https://old.example/wp-content/uploads/2013/03';

const convert = (html: string) => convertPost(html, testContext());

type Row = [name: string, html: string, body: string, findings: string[]];

const check = (html: string, body: string, findings: string[]) => {
  const result = convert(html);
  expect(result.body).toBe(body);
  expect(codes(result.findings)).toEqual(findings);
  expect(result.format).toBe('md');
};

describe('Gutenberg blocks', () => {
  it.each<Row>([
    [
      'paragraph and heading',
      '<!-- wp:heading --><h2>Title</h2><!-- /wp:heading -->\n\n<!-- wp:paragraph -->\n<p>Hello</p>\n<!-- /wp:paragraph -->',
      '## Title\n\nHello\n',
      [],
    ],
    [
      'core/html keeps its HTML, sanitized',
      '<!-- wp:html --><div><strong>raw</strong> html<script>alert(1)</script></div><!-- /wp:html -->',
      '**raw** html\n',
      [],
    ],
    [
      'core/embed with YouTube',
      '<!-- wp:embed {"url":"https://youtu.be/abcdefghijk","providerNameSlug":"youtube"} --><figure class="wp-block-embed"><div class="wp-block-embed__wrapper">\nhttps://youtu.be/abcdefghijk\n</div></figure><!-- /wp:embed -->',
      '[Watch the video on YouTube](https://www.youtube.com/watch?v=abcdefghijk)\n',
      ['embed-linked:youtube.com'],
    ],
    [
      'old core-embed/vimeo block',
      '<!-- wp:core-embed/vimeo {"url":"https://vimeo.com/123456"} --><figure><div>https://vimeo.com/123456</div></figure><!-- /wp:core-embed/vimeo -->',
      '[Watch the video on Vimeo](https://vimeo.com/123456)\n',
      ['embed-linked:vimeo.com'],
    ],
    [
      'core/embed of another provider',
      '<!-- wp:embed {"url":"https://twitter.com/wordpress/status/1"} --><figure><div>https://twitter.com/wordpress/status/1</div></figure><!-- /wp:embed -->',
      '[https://twitter.com/wordpress/status/1](https://twitter.com/wordpress/status/1)\n',
      ['embed-linked:twitter.com'],
    ],
    [
      'gravityforms/form block',
      '<!-- wp:paragraph --><p>Call us.</p><!-- /wp:paragraph --><!-- wp:gravityforms/form {"formId":"1"} /-->',
      'Call us.\n\n[Request a confidential callback](#cb-title)\n',
      ['form-replaced'],
    ],
    [
      'unknown block gives its inner HTML',
      '<!-- wp:acme/box {"x":1} --><div class="box"><p>Inside</p></div><!-- /wp:acme/box -->',
      'Inside\n',
      [],
    ],
    [
      'nested blocks keep their order',
      '<!-- wp:columns --><div class="wp-block-columns"><!-- wp:column --><div><!-- wp:paragraph --><p>Left</p><!-- /wp:paragraph --></div><!-- /wp:column --><!-- wp:column --><div><!-- wp:paragraph --><p>Right</p><!-- /wp:paragraph --></div><!-- /wp:column --></div><!-- /wp:columns -->',
      'Left\n\nRight\n',
      [],
    ],
    [
      'a dynamic block that rendered nothing is reported',
      '<!-- wp:paragraph --><p>Recent:</p><!-- /wp:paragraph --><!-- wp:latest-posts {"postsToShow":3} /-->',
      'Recent:\n',
      ['block-dropped:core/latest-posts'],
    ],
    [
      'layout blocks that are empty on purpose are not',
      '<!-- wp:paragraph --><p>A</p><!-- /wp:paragraph --><!-- wp:spacer {"height":20} /--><!-- wp:more --><!--more--><!-- /wp:more -->',
      'A\n',
      [],
    ],
  ])('%s', (_name, html, body, findings) => {
    check(html, body, findings);
    expect(convert(html).body).not.toContain('wp:');
  });
});

describe('classic posts: autop, as WordPress does at display time', () => {
  it.each<Row>([
    [
      'blank lines are paragraphs',
      'First paragraph.\n\nSecond paragraph.',
      'First paragraph.\n\nSecond paragraph.\n',
      [],
    ],
    ['a single newline is a line break', 'Line one\nLine two', 'Line one\\\nLine two\n', []],
    [
      'block content is left as it is (no autop)',
      '<!-- wp:html -->Line one\nLine two<!-- /wp:html -->',
      'Line one Line two\n',
      [],
    ],
    ['existing paragraphs are kept', '<p>Already</p>\n<p>wrapped</p>', 'Already\n\nwrapped\n', []],
  ])('%s', (_name, html, body, findings) => check(html, body, findings));
});

describe('[caption]', () => {
  it.each<Row>([
    [
      'image then caption text',
      `[caption id="attachment_7" align="alignleft" width="300"]<img src="${UP}/cat-300x200.jpg" alt="A cat" width="300" height="200" /> A cat on a mat[/caption]`,
      '![A cat](./uploads/2013/03/cat-300x200.jpg)\n\n*A cat on a mat*\n',
      [],
    ],
    [
      'a link around the image (to its full size)',
      `[caption id="attachment_7" align="aligncenter" width="300"]<a href="${UP}/cat.jpg"><img src="${UP}/cat-300x200.jpg" alt="A cat" /></a> A cat[/caption]`,
      '![A cat](./uploads/2013/03/cat-300x200.jpg)\n\n*A cat*\n',
      [],
    ],
    [
      'markup in the caption',
      `[caption width="300"]<img src="${UP}/cat.jpg" alt="" /> The <em>best</em> <a href="https://example.org/">cat</a>[/caption]`,
      '![](./uploads/2013/03/cat.jpg)\n\n*The best [cat](https://example.org/)*\n',
      [],
    ],
    [
      'the old caption attribute',
      `[caption id="attachment_7" caption="Old style" width="300"]<img src="${UP}/cat.jpg" alt="A cat" />[/caption]`,
      '![A cat](./uploads/2013/03/cat.jpg)\n\n*Old style*\n',
      [],
    ],
    [
      'inside an autop paragraph',
      `Before\n\n[caption width="300"]<img src="${UP}/cat.jpg" alt="A cat" /> Cat[/caption]\n\nAfter`,
      'Before\n\n![A cat](./uploads/2013/03/cat.jpg)\n\n*Cat*\n\nAfter\n',
      [],
    ],
    [
      'a block figure with figcaption',
      `<!-- wp:image --><figure class="wp-block-image"><img src="${UP}/cat.jpg" alt="A cat"/><figcaption>Block cat</figcaption></figure><!-- /wp:image -->`,
      '![A cat](./uploads/2013/03/cat.jpg)\n\n*Block cat*\n',
      [],
    ],
    [
      'a missing image keeps the caption, not the alt',
      `[caption width="300"]<img src="${UP}/gone.jpg" alt="Secret alt" /> Still here[/caption]`,
      '*Still here*\n',
      ['image-missing:gone.jpg'],
    ],
  ])('%s', (_name, html, body, findings) => {
    check(html, body, findings);
    expect(convert(html).body).not.toContain('[caption');
  });
});

describe('shortcodes', () => {
  it.each<Row>([
    [
      'gallery with ids stays visible and is reported',
      'See [gallery ids="1,2"] here',
      'See \\[gallery ids="1,2"] here\n',
      ['unknown-shortcode:gallery'],
    ],
    [
      'a plugin shortcode with content stays visible',
      '[su_box title="Note"]Boxed[/su_box]',
      '\\[su_box title="Note"]Boxed\\[/su_box]\n',
      ['unknown-shortcode:su_box'],
    ],
    [
      'known shortcodes inside an unknown one still convert',
      '[row][gravityform id="1"][/row]',
      '\\[row]\n\n[Request a confidential callback](#cb-title)\n\n\\[/row]\n',
      ['unknown-shortcode:row', 'form-replaced'],
    ],
    [
      'audio and playlist cannot be resolved',
      '[audio mp3="https://old.example/a.mp3"][/audio]\n\n[playlist ids="3"]',
      '\\[audio mp3="https\\://old.example/a.mp3"]\\[/audio]\n\n\\[playlist ids="3"]\n',
      ['unknown-shortcode:audio', 'unknown-shortcode:playlist'],
    ],
    [
      '[[escaped]] is WordPress text for a shortcode',
      'Write [[gallery]] to show one.',
      'Write \\[gallery] to show one.\n',
      [],
    ],
    [
      'brackets that are no shortcode are left alone',
      'Footnote [1], [42] and [Pics, Videos]',
      'Footnote \\[1], \\[42] and \\[Pics, Videos]\n',
      [],
    ],
    [
      'a shortcode inside an attribute is left alone, as WordPress does',
      '<a title="Mural [pics]" href="https://example.org/">[gallery]</a>',
      '[\\[gallery\\]](https://example.org/)\n',
      ['unknown-shortcode:gallery'],
    ],
    [
      '[embed] with YouTube',
      '[embed]https://www.youtube.com/watch?v=abcdefghijk[/embed]',
      '[Watch the video on YouTube](https://www.youtube.com/watch?v=abcdefghijk)\n',
      ['embed-linked:youtube.com'],
    ],
    [
      '[embed] with another URL',
      '[embed]https://www.flickr.com/photos/x/1/[/embed]',
      '[https://www.flickr.com/photos/x/1/](https://www.flickr.com/photos/x/1/)\n',
      ['embed-linked:www.flickr.com'],
    ],
    [
      '[video] of a YouTube source',
      '[video src="https://youtu.be/abcdefghijk"]',
      '[Watch the video on YouTube](https://www.youtube.com/watch?v=abcdefghijk)\n',
      ['embed-linked:youtube.com'],
    ],
    [
      '[video] of a file cannot be resolved',
      '[video mp4="https://old.example/v.mp4"][/video]',
      '\\[video mp4="https\\://old.example/v.mp4"]\\[/video]\n',
      ['unknown-shortcode:video'],
    ],
    [
      '[gravityform]',
      'Ask us.\n\n[gravityform id="3" title="false" ajax="true"]',
      'Ask us.\n\n[Request a confidential callback](#cb-title)\n',
      ['form-replaced'],
    ],
    [
      '[gravityforms] with action',
      '[gravityforms action="form" id="2"]',
      '[Request a confidential callback](#cb-title)\n',
      ['form-replaced'],
    ],
  ])('%s', (_name, html, body, findings) => check(html, body, findings));
});

describe('embeds become links; nothing loads from a third party', () => {
  const video = (url: string, href: string, detail: string): Row => [
    url,
    `<p>Intro</p>\n${url}\n<p>Outro</p>`,
    `Intro\n\n[Watch the video on ${detail === 'youtube.com' ? 'YouTube' : 'Vimeo'}](${href})\n\nOutro\n`,
    [`embed-linked:${detail}`],
  ];
  const yt = 'https://www.youtube.com/watch?v=abcdefghijk';
  it.each<Row>([
    video('https://www.youtube.com/watch?v=abcdefghijk&t=30s', yt, 'youtube.com'),
    video('http://youtu.be/abcdefghijk', yt, 'youtube.com'),
    video(
      '<iframe width="560" height="315" src="https://www.youtube.com/embed/abcdefghijk?rel=0" allowfullscreen></iframe>',
      yt,
      'youtube.com',
    ),
    video('<iframe src="//www.youtube-nocookie.com/embed/abcdefghijk"></iframe>', yt, 'youtube.com'),
    video(
      '<iframe src="https://player.vimeo.com/video/76979871?h=1" onload="x()"></iframe>',
      'https://vimeo.com/76979871',
      'vimeo.com',
    ),
    video('https://vimeo.com/channels/staffpicks/76979871', 'https://vimeo.com/76979871', 'vimeo.com'),
    [
      'a bare tweet URL becomes a link',
      'https://twitter.com/wordpress/status/1',
      '[https://twitter.com/wordpress/status/1](https://twitter.com/wordpress/status/1)\n',
      ['embed-linked:twitter.com'],
    ],
    [
      'a map iframe becomes a link, reported',
      '<iframe src="https://www.google.com/maps/embed?pb=abc" style="border:0"></iframe>',
      '[Open the embedded content on www.google.com](https://www.google.com/maps/embed?pb=abc)\n',
      ['iframe-linked:www.google.com'],
    ],
    [
      'an iframe without a usable source is removed, reported',
      '<p>A</p><iframe src="javascript:alert(1)"></iframe>',
      'A\n',
      ['iframe-removed'],
    ],
    [
      'an <embed> of a widget',
      '<embed src="https://widgets.example.net/w.swf">',
      '[Open the embedded content on widgets.example.net](https://widgets.example.net/w.swf)\n',
      ['iframe-linked:widgets.example.net'],
    ],
    [
      'a bare URL of no oEmbed provider stays text',
      'https://example.org/page',
      'https\\://example.org/page\n',
      [],
    ],
    [
      'a URL inside a sentence is no embed',
      'Watch https://youtu.be/abcdefghijk now',
      'Watch https\\://youtu.be/abcdefghijk now\n',
      [],
    ],
  ])('%s', (_name, html, body, findings) => check(html, body, findings));
});

describe('removed: code, styles, handlers, unsafe links, trackers, plugin forms', () => {
  it.each<Row>([
    ['HTML comments', 'Before<!-- a note -->\n\n<!--more-->\n\nAfter', 'Before\n\nAfter\n', []],
    [
      'script, style, noscript',
      '<p>Text</p><script>var a = "{x}";</script><style>p{color:red}</style><noscript><img src="https://stats.example/p.gif"></noscript>',
      'Text\n',
      [],
    ],
    [
      'inline styles and on* handlers leave the text',
      '<p style="color:red" onclick="steal()" onmouseover="x()">Styled</p>',
      'Styled\n',
      [],
    ],
    [
      'a javascript: link becomes its text',
      '<p>Click <a href="javascript:alert(1)">here</a> now</p>',
      'Click here now\n',
      ['unsafe-link-removed'],
    ],
    [
      'a disguised javascript: link too',
      '<p><a href=" JaVa&#x09;ScRipt:alert(1)">x</a></p>',
      'x\n',
      ['unsafe-link-removed'],
    ],
    [
      'a 1x1 pixel',
      '<p>Hi<img src="https://mail.example.com/open.gif" width="1" height="1" alt=""></p>',
      'Hi\n',
      ['tracking-removed:mail.example.com'],
    ],
    [
      'an image from a known tracker',
      '<p>Hi<img src="https://www.google-analytics.com/collect?v=1" alt=""></p>',
      'Hi\n',
      ['tracking-removed:www.google-analytics.com'],
    ],
    [
      'Gravity Forms markup becomes the callback link',
      '<div class="gform_wrapper"><form method="post" id="gform_2" action="/contact/"><input type="text" name="input_1"></form></div>',
      '[Request a confidential callback](#cb-title)\n',
      ['form-replaced'],
    ],
    [
      'a plugin form',
      '<p>Write to us</p><form action="/wp-admin/admin-post.php" method="post"><input name="email"><textarea></textarea><button>Send</button></form>',
      'Write to us\n',
      ['form-removed'],
    ],
  ])('%s', (_name, html, body, findings) => check(html, body, findings));
});

describe('structure', () => {
  it.each<Row>([
    [
      'an h1 is demoted, other levels kept',
      '<h1>Big</h1><h3>Small</h3><h6>Tiny</h6>',
      '## Big\n\n### Small\n\n###### Tiny\n',
      ['h1-demoted'],
    ],
    [
      'a simple table is a GFM table',
      '<table><thead><tr><th>Drug</th><th>Dose</th></tr></thead><tbody><tr><td>A</td><td>1 mg</td></tr></tbody></table>',
      '| Drug | Dose |\n| ---- | ---- |\n| A    | 1 mg |\n',
      [],
    ],
    [
      'merged cells are reported',
      '<table><tr><th>A</th><th>B</th></tr><tr><td colspan="2">both</td></tr></table>',
      '| A    | B |\n| ---- | - |\n| both |   |\n',
      ['table-simplified'],
    ],
    [
      'a list in a cell is reported',
      '<table><tr><th>A</th></tr><tr><td><ul><li>one</li><li>two</li></ul></td></tr></table>',
      '| A       |\n| ------- |\n| one two |\n',
      ['table-simplified'],
    ],
    [
      'paragraphs in a cell keep a space between them',
      '<table><tr><th>A</th></tr><tr><td><p>x</p><p>y</p></td></tr></table>',
      '| A   |\n| --- |\n| x y |\n',
      ['table-simplified'],
    ],
    [
      'lists and emphasis',
      '<ul><li><strong>bold</strong></li><li><em>it</em> and <del>old</del></li></ul><ol><li>first</li></ol>',
      '- **bold**\n- *it* and ~~old~~\n\n1. first\n',
      [],
    ],
    [
      'spaces at the edges of an emphasis move outside it',
      '<p>of <em>Right, </em>and <em>a <strong>b </strong></em>c, f<em>eli</em>s</p>',
      'of *Right,* and *a __b__* c, f*eli*s\n',
      [],
    ],
    [
      'blockquote and code',
      '<blockquote><p>Quoted</p></blockquote><pre><code class="language-js">const a = {b: 1};\n&lt;div&gt;</code></pre><p>Use <code>{x}</code></p>',
      '> Quoted\n\n```js\nconst a = {b: 1};\n<div>\n```\n\nUse `{x}`\n',
      [],
    ],
  ])('%s', (_name, html, body, findings) => check(html, body, findings));
});

describe('links and images go through the integrator', () => {
  it('rewrites what it returns a path for and keeps the rest; mailto, tel and fragments are never asked', () => {
    const ctx = testContext();
    const result = convertPost(
      '<p><a href="https://old.example/contact/">Contact</a> <a href="/relative/page/">Rel</a> <a href="https://example.org/">Out</a> <a href="mailto:info@center.example">Mail</a> <a href="tel:+15551234">Call</a> <a href="#top">Top</a></p>',
      ctx,
    );
    expect(result.body).toBe(
      '[Contact](/callback/) [Rel](/relative/page/) [Out](https://example.org/) [Mail](mailto:info@center.example) [Call](tel:+15551234) [Top](#top)\n',
    );
    expect(ctx.links).toEqual(['https://old.example/contact/', '/relative/page/', 'https://example.org/']);
  });

  it.each<Row>([
    [
      'an own image',
      `<p><img src="${UP}/photo.jpg" alt="Group room"></p>`,
      '![Group room](./uploads/2013/03/photo.jpg)\n',
      [],
    ],
    [
      'an own image not available locally',
      `<p>Text</p><p><img src="${UP}/gone.jpg?w=300" alt="Secret alt"></p>`,
      'Text\n',
      ['image-missing:gone.jpg'],
    ],
    [
      'a relative image not available',
      '<p><img src="/images/a.png" alt="x"></p>',
      '',
      ['image-missing:a.png'],
    ],
    [
      'an image on another host becomes a link',
      '<p><img src="https://cdn.example.net/pics/a.png" alt="A chart"></p>',
      '[Image: A chart](https://cdn.example.net/pics/a.png)\n',
      ['external-image:cdn.example.net'],
    ],
    [
      'without alt, the file name',
      '<p><img src="https://cdn.example.net/pics/a.png"></p>',
      '[Image: a.png](https://cdn.example.net/pics/a.png)\n',
      ['external-image:cdn.example.net'],
    ],
    [
      'inside a link, no link in a link',
      '<p><a href="https://example.org/"><img src="https://cdn.example.net/a.png" alt="Logo"></a></p>',
      '[Image: Logo](https://example.org/)\n',
      ['external-image:cdn.example.net'],
    ],
    [
      'a lazy-loaded image',
      `<p><img src="data:image/gif;base64,R0lGOD" data-lazy-src="${UP}/lazy.jpg" alt="Lazy"></p>`,
      '![Lazy](./uploads/2013/03/lazy.jpg)\n',
      [],
    ],
    [
      'an inline data: image',
      '<p><img src="data:image/png;base64,iVBOR" alt="x"></p>',
      '',
      ['image-missing:data-uri'],
    ],
  ])('%s', (_name, html, body, findings) => check(html, body.length === 0 ? '\n' : body, findings));

  it('lists every image path used, in order, once', () => {
    const result = convert(
      `<p><img src="${UP}/b.jpg" alt=""><img src="${UP}/a.jpg" alt=""><img src="${UP}/b.jpg" alt=""><img src="https://cdn.example.net/c.jpg"></p>`,
    );
    expect(result.images).toEqual(['./uploads/2013/03/b.jpg', './uploads/2013/03/a.jpg']);
  });
});

describe('text comes over exactly', () => {
  it('keeps Greek and other non-ASCII text, in NFC', () => {
    const result = convert('<p>Καλημέρα κόσμε, cafe\u0301 — «quotes» 日本語</p>');
    expect(result.body).toBe('Καλημέρα κόσμε, café — «quotes» 日本語\n');
    expect(result.body).toBe(result.body.normalize('NFC'));
    expect(result.firstParagraph).toBe('Καλημέρα κόσμε, café — «quotes» 日本語');
  });

  it('is deterministic: the same input gives the same bytes', () => {
    const html = `[caption width="1"]<img src="${UP}/a.jpg" alt="a"> c[/caption]\n\nhttps://youtu.be/abcdefghijk\n\n<table><tr><td>x</td></tr></table>[gallery]`;
    const first = convert(html);
    expect(convert(html)).toEqual(first);
  });

  it('an empty post is an empty body with one newline', () => {
    expect(convert('').body).toBe('\n');
    expect(convert('<!-- wp:paragraph --><p></p><!-- /wp:paragraph -->').body).toBe('\n');
  });
});

describe('firstParagraph', () => {
  it.each([
    ['the first paragraph', '<p>One <strong>two</strong>.</p><p>Three</p>', 'One two.'],
    [
      'skips images, captions, embeds and headings',
      `<h2>Head</h2>[caption]<img src="${UP}/a.jpg" alt="Alt"> Cap[/caption]\n\nhttps://youtu.be/abcdefghijk\n\n<p>Real text</p>`,
      'Real text',
    ],
    ['loose classic text counts', 'Just some\ntext', 'Just some text'],
    [
      'text autop left loose after a caption',
      `[caption width="1"]<img src="${UP}/a.jpg" alt="Alt"> Cap[/caption]\nLoose text after`,
      'Loose text after',
    ],
    ['loose text at the end of a block', '<div>Inside a div</div>', 'Inside a div'],
    ['none', '<ul><li>only a list</li></ul>', ''],
  ])('%s', (_name, html, expected) => {
    expect(convert(html).firstParagraph).toBe(expected);
  });
});

describe('findings carry no post text', () => {
  it('not from alt, captions, link text, shortcode attributes or iframes', () => {
    const secret = 'Zyxwvut';
    const html = [
      `[caption caption="${secret}"]<img src="${UP}/gone.jpg" alt="${secret}">${secret}[/caption]`,
      `<a href="javascript:${secret}">${secret}</a>`,
      `[acme_widget label="${secret}"]${secret}[/acme_widget]`,
      `<img src="https://cdn.example.net/x.png" alt="${secret}">`,
      `<iframe src="https://maps.example.com/?q=${secret}"></iframe>`,
      `<form><input value="${secret}"></form>`,
    ].join('\n\n');
    const result = convert(html);
    expect(result.findings.length).toBeGreaterThan(5);
    expect(JSON.stringify(result.findings)).not.toContain(secret);
  });
});
