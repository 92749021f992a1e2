#!/usr/bin/env python3
"""Walks the web check once (benign adult, vignette A30) with one cookie jar and writes:
  WORK/result.lua          a wrk script that POSTs the last step (renders the result page),
  WORK/static/result.html  the result page's bytes (for the nginx peer).
Usage: result_request.py BASE_URL WORK_DIR"""
import http.cookiejar, json, os, re, sys, urllib.parse, urllib.request

base, work = sys.argv[1], sys.argv[2]
root = os.path.join(os.path.dirname(__file__), "..", "..")
doc = json.load(open(os.path.join(root, "crates/lumbar-core/tests/data/vignettes-public.json")))
answers = next(v for v in doc["vignettes"] if v["id"] == "A30")["answers"]
flat = {k: v for k, v in answers.items() if k != "preferences"}
flat.update({f"preferences.{k}": v for k, v in answers.get("preferences", {}).items()})

jar = http.cookiejar.CookieJar()
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))

def fields(html):
    form = re.search(r'<form[^>]*action="/check"[^>]*>(.*?)</form>', html, re.S)
    return form.group(1) if form else None

def value_for(name):
    key = name.split(".", 1)[1] if name.startswith("ans.") else name
    v = flat.get(key)
    if v is None:
        return None
    if isinstance(v, bool):
        return "true" if v else "false"
    if key == "duration_weeks":
        return f"{v} weeks"
    return str(v)

html = opener.open(base + "/check").read().decode()
body = None
for _ in range(20):
    form = fields(html)
    if form is None or 'name="nav" value="next"' not in form:
        break
    data = []
    for m in re.finditer(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form):
        data.append((m.group(1), m.group(2).replace("&amp;", "&").replace("&quot;", '"')))
    names = dict.fromkeys(re.findall(r'<input[^>]*type="(?:radio|number|text)"[^>]*name="([^"]+)"', form)
                          + re.findall(r'<input[^>]*name="([^"]+)"[^>]*type="(?:radio|number|text)"', form))
    for name in names:
        v = value_for(name)
        if v is not None:
            data.append((name, v))
    data.append(("nav", "next"))
    body = urllib.parse.urlencode(data)
    html = opener.open(base + "/check", body.encode()).read().decode()

os.makedirs(os.path.join(work, "static"), exist_ok=True)
open(os.path.join(work, "static", "result.html"), "w").write(html)
cookie = "; ".join(f"{c.name}={c.value}" for c in jar)
lua = f"""wrk.method = "POST"
wrk.body = {json.dumps(body)}
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = {json.dumps(cookie)}
"""
open(os.path.join(work, "result.lua"), "w").write(lua)
print("result page:", "massage" in html.lower(), len(html), "bytes")
