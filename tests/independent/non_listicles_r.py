# ruff: noqa: E501
# fmt: off
"""Not listicles R01–R10 (the tester's ``gen_non2.py``): archives, listings, course and Q&A pages
that look most like lists.

The page texts and truth are the tester's, written without looking at the extractor: keep
them. The code is theirs too, typed, with ``write(name, html, truth)`` become ``yield Page(...)``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from tests.independent.chrome import cap, esc, footer, head, nav
from tests.independent.truth import N, Page


def r01() -> Iterator[Page]:  # tag archive of listicles
    url = "https://www.boredpanda-like.com/tag/animals/page/2/"
    posts = ["25 Pictures Smuggled Out of North Korea", "30 Cats Who Forgot How to Cat", "People Share The Worst Dates They've Been On (40 Posts)", "17 Dogs Who Failed at Being Guard Dogs",
             "The 10 Best Zoos in Europe", "12 Animals You Didn't Know Existed", "50 Hilarious Pet Photos", "This Farmer Rescued 200 Pigs", "22 Birds With Attitude", "15 Times Animals Were Better Than Humans"]
    cards = "".join(f'<article class="post-card"><a href="/p{i}/"><img src="https://cdn.boredpanda-like.com/thumbs/{i}.jpg" alt="" width="400" height="300"></a><div class="post-card__body"><span class="post-card__cat">Animals</span><h2 class="post-card__title"><a href="/p{i}/">{esc(t)}</a></h2><p class="post-card__excerpt">{cap(i, 1)}</p><span class="post-card__meta">by Author{i} · {i*2}.{i}k views</span></div></article>' for i, t in enumerate(posts, 1))
    html_ = head("Animals | Page 2", url, og_image=False, site="Bored Panda") + '<body class="archive tag">' + nav("Bored Panda") + \
        f'<main><h1 class="archive-title">Tag: Animals</h1><div class="posts-grid">{cards}</div><nav class="pagination"><a class="prev" href="/tag/animals/">« Prev</a><a href="/tag/animals/">1</a><span class="current">2</span><a href="/tag/animals/page/3/">3</a><a class="next" href="/tag/animals/page/3/">Next »</a></nav></main>' + footer("Bored Panda")
    yield Page("R01_tag_archive_of_listicles", html_, N(url, "Tag archive page 2: 10 post cards (img + h2 link with listicle titles + excerpt), numbered pagination"))

def r02() -> Iterator[Page]:  # homepage with trending numbered cards
    url = "https://www.viralstories.info/"
    trend = "".join(f'<li class="trending-card"><span class="trending-num">{i}</span><a href="/t{i}/"><img src="https://viralstories.info/thumbs/t{i}.jpg" alt=""><h3>{t}</h3></a></li>' for i, t in enumerate(["8 Weird Laws Around the World", "This Man Built a House From Bottles", "20 Photos That Need No Caption", "Scientists Find New Species", "The Story Behind This Viral Photo"], 1))
    latest = "".join(f'<article class="latest"><a href="/l{i}/"><img src="https://viralstories.info/thumbs/l{i}.jpg" alt=""></a><h2><a href="/l{i}/">{t}</a></h2><p>{cap(i, 1)}</p></article>' for i, t in enumerate(["15 Abandoned Malls", "Why Cats Knock Things Over", "10 Foods You're Eating Wrong", "A Town Where Nobody Locks Doors", "7 Travel Hacks From Pilots", "The Quietest Place on Earth"], 1))
    html_ = head("Viral Stories — The internet's best stories", url, og_image=True, site="Viral Stories").replace('content="article"', 'content="website"') + '<body class="home">' + nav("Viral Stories") + \
        f'<main><section class="trending"><h2 class="section-title">Trending Now</h2><ol class="trending-list">{trend}</ol></section><section class="latest-posts"><h2 class="section-title">Latest</h2>{latest}</section></main>' + footer("Viral Stories")
    yield Page("R02_homepage_trending", html_, N(url, "Homepage: trending ol with number spans + thumbs + h3, latest cards with h2"))

def r03() -> Iterator[Page]:  # course modules
    url = "https://learn.example-academy.com/courses/photography-basics"
    mods = ["Getting to know your camera", "Exposure: aperture, shutter, ISO", "Composition", "Light", "Editing in Lightroom", "Building a portfolio"]
    body = "".join(f'<div class="module"><img src="https://learn.example-academy.com/thumbs/m{i}.jpg" width="320" height="180" alt=""><h3>Module {i}: {m}</h3><p>{3+i} lessons · {30+i*10} min</p><ul class="lessons">' + "".join(f'<li><a href="/lesson/{i}-{k}">Lesson {i}.{k}</a></li>' for k in range(1, 4)) + '</ul></div>' for i, m in enumerate(mods, 1))
    html_ = head("Photography Basics — Online Course", url, site="Example Academy") + '<body>' + nav("Example Academy", ("Courses", "Pricing", "Log in")) + \
        f'<main><h1>Photography Basics</h1><p class="course-meta">6 modules · 4.8 ★ (2,100 reviews) · $49</p><button>Enroll now</button><h2>Course content</h2>{body}<h2>Instructor</h2><p>Jane Smith has taught photography for 15 years.</p></main>' + footer("Example Academy")
    yield Page("R03_course_modules", html_, N(url, "Course page: 'Module N: …' h3 with thumbnail each, lessons ul, title has no count but meta says 6 modules"))

def r04() -> Iterator[Page]:  # bible chapter
    url = "https://www.bible-example.org/genesis/1"
    verses = ["In the beginning God created the heaven and the earth.", "And the earth was without form, and void; and darkness was upon the face of the deep.", "And God said, Let there be light: and there was light.",
              "And God saw the light, that it was good: and God divided the light from the darkness.", "And God called the light Day, and the darkness he called Night.", "And God said, Let there be a firmament in the midst of the waters.",
              "And God made the firmament, and divided the waters.", "And God called the firmament Heaven.", "And God said, Let the waters under the heaven be gathered together unto one place.", "And God called the dry land Earth."]
    body = "".join(f'<p class="verse" id="v{i}"><sup class="verse-num">{i}</sup> {v}</p>' for i, v in enumerate(verses, 1))
    html_ = head("Genesis 1 (KJV)", url, site="Bible Example", og_image=False) + '<body>' + nav("Bible Example", ("Books", "Search", "Plans")) + \
        f'<main><h1>Genesis 1</h1><div class="chapter-nav"><a href="/genesis/2" class="next">Genesis 2 →</a></div><h2>The Creation</h2><div class="chapter">{body}</div></main>' + footer("Bible Example")
    yield Page("R04_bible_verses", html_, N(url, "Scripture chapter: 10 <p> with <sup>N</sup> verse numbers, next-chapter link"))

def r05() -> Iterator[Page]:  # real estate listing with numbered photo gallery
    url = "https://www.homesforsale-example.com/listing/123-maple-st"
    photos = "".join(f'<div class="photo"><img src="https://photos.homesforsale-example.com/123maple/{i}.jpg" alt="Photo {i} of 18" width="1024" height="683"><span class="photo-count">{i} / 18</span></div>' for i in range(1, 19))
    feats = "".join(f"<li>{f}</li>" for f in ["3 bedrooms", "2 bathrooms", "1,850 sq ft", "Built 1998", "2-car garage", "0.25 acre lot"])
    html_ = head("123 Maple St, Springfield — 3 bed, 2 bath", url, site="Homes For Sale") + '<body>' + nav("Homes For Sale", ("Buy", "Rent", "Sell")) + \
        f'<main><div class="listing-gallery">{photos}</div><h1>123 Maple St, Springfield, IL 62704</h1><div class="price">$349,000</div><ul class="facts">{feats}</ul><h2>About this home</h2><p>{cap(1, 3)}</p><h2>Schools</h2><ol><li>Lincoln Elementary (8/10)</li><li>Franklin Middle (7/10)</li><li>Springfield High (6/10)</li></ol></main>' + footer("Homes For Sale")
    yield Page("R05_real_estate_gallery", html_, N(url, "Real-estate listing: 18 photos with '1 / 18' counters and alt 'Photo 1 of 18', facts ul, schools ol"))

def r06() -> Iterator[Page]:  # Q&A page
    url = "https://stackexample.com/questions/11227809/why-is-processing-a-sorted-array-faster"
    answers = "".join(f'<div class="answer" id="answer-{900+i}"><div class="votecell"><div class="vote-count">{3000 // i}</div></div><div class="answercell"><div class="s-prose"><p>{cap(i, 2)}</p><pre><code>for (int i = 0; i &lt; {i}; ++i) sum += data[i];</code></pre></div><div class="user-info"><img src="https://i.stackexample.com/avatar/{i}.png" width="32" height="32"><a href="/users/{i}">user{i}</a> <span class="reputation">{i*1000}</span></div></div></div>' for i in range(1, 7))
    html_ = head("Why is processing a sorted array faster than processing an unsorted array?", url, site="Stack Example", og_image=False) + '<body>' + nav("Stack Example", ("Questions", "Tags", "Users")) + \
        f'<main><h1>Why is processing a sorted array faster than processing an unsorted array?</h1><div class="question"><div class="vote-count">27000</div><p>{cap(0, 2)}</p></div><h2>6 Answers</h2>{answers}</main>' + footer("Stack Example")
    yield Page("R06_qa_answers", html_, N(url, "Q&A page: '6 Answers' h2 then 6 answers with vote counts, avatars, code"))

def r07() -> Iterator[Page]:  # job listings
    url = "https://jobs.example-board.com/search?q=python&l=berlin"
    jobs = "".join(f'<li class="job-card"><img src="https://jobs.example-board.com/logos/{i}.png" width="48" height="48" alt="Company {i} logo"><h2 class="job-title"><a href="/job/{i}">Senior Python Developer ({["m/w/d", "remote", "hybrid"][i % 3]})</a></h2><div class="company">Company {i} GmbH</div><div class="location">Berlin</div><div class="salary">€{60+i*3}k–€{75+i*3}k</div><span class="posted">{i} days ago</span></li>' for i in range(1, 16))
    html_ = head("15 Python jobs in Berlin", url, site="Example Jobs", og_image=False) + '<body>' + nav("Example Jobs", ("Jobs", "Companies", "Salaries")) + \
        f'<main><h1>15 Python jobs in Berlin</h1><ul class="job-list">{jobs}</ul></main>' + footer("Example Jobs")
    yield Page("R07_job_listings", html_, N(url, "Job search results: title '15 Python jobs in Berlin', ul of 15 job cards with logos + h2"))

def r08() -> Iterator[Page]:  # long guide with numbered chapters but it's an essay? -> a numbered privacy policy with images? use: a recipe blog post story with "Step 1" photos
    url = "https://www.sallysbaking-like.com/how-to-make-sourdough-starter/"
    steps = ["Mix flour and water", "Wait 24 hours", "Discard and feed", "Repeat daily", "Look for bubbles", "Do the float test", "Bake your first loaf"]
    body = "".join(f'<h3>Step {i}: {s}</h3><img src="https://sallysbaking-like.com/starter/step{i}.jpg" width="700" height="1050" alt="Step {i}"><p>{cap(i, 2)}</p>' for i, s in enumerate(steps, 1))
    html_ = head("How to Make a Sourdough Starter From Scratch", url, site="Sally's Baking") + '<body>' + nav("Sally's Baking", ("Recipes", "Baking Basics", "Shop")) + \
        f'<main><article><h1>How to Make a Sourdough Starter From Scratch</h1><p>All you need is flour, water and 7 days.</p><h2>What You Need</h2><ul><li>Flour</li><li>Water</li><li>A jar</li></ul><h2>Instructions</h2>{body}<h2>Troubleshooting</h2><p>No bubbles after 5 days? Move it somewhere warmer.</p></article></main>' + footer("Sally's Baking")
    yield Page("R08_howto_step_photos", html_, N(url, "Blog how-to: h3 'Step N: …' with a photo each, '7 days' in intro (numbered steps of a how-to)"))

def r09() -> Iterator[Page]:  # newsletter archive / issues
    url = "https://newsletter.example-weekly.com/archive"
    issues = "".join(f'<div class="issue"><a href="/p/issue-{150-i}"><img src="https://cdn.example-weekly.com/covers/{150-i}.png" width="200" height="120" alt=""><h3>#{150-i}: {t}</h3></a><time>Mar {20-i}, 2024</time><p>{cap(i, 1)}</p></div>' for i, t in enumerate(["The AI bubble", "Why rents keep rising", "Five charts on inflation", "The return of the office", "What happened to NFTs", "The four-day week"]))
    html_ = head("Archive — Example Weekly", url, site="Example Weekly", og_image=False) + '<body>' + nav("Example Weekly", ("Home", "Archive", "About")) + \
        f'<main><h1>Archive</h1><div class="issues">{issues}</div><a class="load-more" href="/archive?page=2">Load more</a></main>' + footer("Example Weekly")
    yield Page("R09_newsletter_archive_hash_numbers", html_, N(url, "Newsletter archive: 'h3 #150: Title' .. '#145' descending with covers"))

def r10() -> Iterator[Page]:  # match report with numbered goals timeline
    url = "https://www.sportsnow.com/football/match-report/arsenal-3-1-chelsea"
    ev = "".join(f'<li class="event"><span class="minute">{m}\'</span> <img src="https://img.sportsnow.com/icons/{k}.svg" width="16" height="16" alt="{k}"> {t}</li>' for m, k, t in [(12, "goal", "Goal! Saka (Arsenal) 1-0"), (34, "yellow", "Yellow card: Enzo (Chelsea)"), (51, "goal", "Goal! Palmer (Chelsea) 1-1"), (67, "goal", "Goal! Havertz (Arsenal) 2-1"), (88, "goal", "Goal! Ødegaard (Arsenal) 3-1")])
    paras = "".join(f"<p>{p}</p>" for p in ["Arsenal beat Chelsea 3-1 at the Emirates on Saturday to go top of the table.", "Bukayo Saka opened the scoring after 12 minutes.", "“We were brilliant in the second half,” said the manager.", "Arsenal face Liverpool next Sunday."])
    html_ = head("Arsenal 3-1 Chelsea: Saka and Havertz fire Gunners top", url, site="Sports Now") + '<body>' + nav("Sports Now") + \
        f'<main><article><h1>Arsenal 3-1 Chelsea: Saka and Havertz fire Gunners top</h1><figure><img src="https://img.sportsnow.com/match.jpg" width="1200" height="675" alt=""><figcaption>Saka celebrates. Getty</figcaption></figure>{paras}<h2>Key events</h2><ul class="timeline">{ev}</ul><h2>Player ratings</h2><table><tr><td>1</td><td>Raya</td><td>7</td></tr><tr><td>2</td><td>White</td><td>7</td></tr><tr><td>4</td><td>Saliba</td><td>8</td></tr><tr><td>7</td><td>Saka</td><td>9</td></tr></table></article></main>' + footer("Sports Now")
    yield Page("R10_match_report", html_, N(url, "Match report: key events ul with minutes + icons, player ratings table with shirt numbers"))


GENERATORS: tuple[Callable[[], Iterator[Page]], ...] = (r01, r02, r03, r04, r05, r06, r07, r08, r09, r10)
