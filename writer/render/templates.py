"""The Jinja environment and the article: facts in, Markdown with front matter out.

StrictUndefined turns a template's typo into an error instead of an empty
string; every template problem becomes one UserError line naming the file.
Templates may come from a contributor, so they run in Jinja's immutable
sandbox (no attribute walk to ``os``, no mutation of the facts), and every
``*.html.j2`` is autoescaped.
The body has no clock in it: the same input gives the same bytes.
"""

from __future__ import annotations

import re
import traceback
import types
from dataclasses import dataclass
from pathlib import Path

import jinja2
import jinja2.sandbox

from writer.articlefile import compose
from writer.data.facts import WeekFacts
from writer.errors import Problem, UserError
from writer.fsutil import read_text_input, sha
from writer.housestyle import HouseStyle
from writer.render.bytecode import SignedBytecodeCache
from writer.render.prose import Md, Prose, finalize
from writer.resources import resource

ARTICLE = "article.md.j2"
PAGE = "page.html.j2"
INDEX = "index.md.j2"  # the backfill's index page
HTML_SUFFIXES = ("html", "htm", "html.j2", "htm.j2")  # select_autoescape compares the whole ending
_METHODS = (types.MethodType, types.BuiltinMethodType)  # what may be a bound str.format


@dataclass(frozen=True)
class Article:
    title: str
    markdown: str  # front matter + body
    body: str


def templates_folder(language: str, folder: Path | None = None) -> Path:
    """A newsroom's folder, or the shipped templates of a language: ``templates/<language>/``
    when the language has its own folder (``templates/zh``), else ``templates/`` (English)."""
    if folder:
        return Path(folder)
    own = resource("templates") / language
    return own if (own / ARTICLE).is_file() else resource("templates")


class Sandbox(jinja2.sandbox.ImmutableSandboxedEnvironment):
    """The immutable sandbox, with ``**`` bounded (``9**9**9`` would take the CPU for minutes)."""

    intercepted_binops = frozenset(["**"])

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._safe: dict[tuple[type, str], bool] = {}

    def is_safe_attribute(self, obj: object, attr: str, value: object) -> bool:
        """Jinja's verdict, remembered per (type, attribute): it reads only the object's type and the
        name (never the value), and the sandbox asked it some 250 times per article."""
        kind = type(obj)
        if obj.__class__ is not kind:  # a class that lies about its type gets the full check every time
            return super().is_safe_attribute(obj, attr, value)
        verdict = self._safe.get((kind, attr))
        if verdict is None:
            verdict = self._safe[kind, attr] = super().is_safe_attribute(obj, attr, value)
        return verdict

    def getattr(self, obj: object, attribute: str) -> object:
        """Jinja's ``getattr``, skipping its checks for an attribute whose (type, name) the sandbox
        already judged safe (templates read ``x.kind``, ``fig.status``... 200 times a page). A
        ``str.format`` method still goes the full way, to be wrapped in the sandboxed formatter."""
        kind = type(obj)
        if self._safe.get((kind, attribute)) and obj.__class__ is kind:
            try:
                value = getattr(obj, attribute)
            except AttributeError:
                pass
            else:
                if type(value) not in _METHODS or value.__name__ not in ("format", "format_map"):
                    return value
        return super().getattr(obj, attribute)

    def call_binop(self, context, operator, left, right):
        if operator == "**" and isinstance(right, int) and abs(right) > 1000:
            raise jinja2.sandbox.SecurityError("exponent too large in a template")
        return super().call_binop(context, operator, left, right)


def _loader(folder: Path) -> jinja2.BaseLoader:
    """The folder's templates; a newsroom folder from before the index template gets the shipped one."""
    own = _CheckedLoader(str(folder))
    shipped = resource("templates")
    if folder.resolve() == shipped.resolve():
        return own

    return jinja2.ChoiceLoader([own, _ShippedIndex(shipped)])


class _CheckedLoader(jinja2.FileSystemLoader):
    """A folder's templates read through the one input check (``fsutil.read_text_input``):
    a binary or non-UTF-8 template is one line naming its path, not a codec message."""

    def get_source(self, environment: jinja2.Environment, template: str):
        pieces = jinja2.loaders.split_template_path(template)
        for folder in self.searchpath:
            path = Path(folder, *pieces)
            if path.is_file():
                text = read_text_input(path, "a Jinja template")
                mtime = path.stat().st_mtime
                return text, str(path), lambda p=path, m=mtime: p.is_file() and p.stat().st_mtime == m
        raise jinja2.TemplateNotFound(template)


class _ShippedIndex(jinja2.BaseLoader):
    """The shipped index template and nothing else; it can list what it holds, so the
    backfill can compile a newsroom's (or a language's) templates before it forks."""

    def __init__(self, shipped: Path) -> None:
        self.shipped = jinja2.FileSystemLoader(str(shipped))

    def get_source(self, environment: jinja2.Environment, template: str):
        if template != INDEX:
            raise jinja2.TemplateNotFound(template)
        return self.shipped.get_source(environment, template)

    def list_templates(self) -> list[str]:
        return [INDEX]


def environment(
    style: HouseStyle,
    folder: Path | None = None,
    definite: frozenset[str] = frozenset(),
    display: dict[str, str] | None = None,
) -> jinja2.Environment:
    """Templates from a newsroom's folder, or the shipped ones of the style's language;
    ``display`` maps canonical entity names to the names printed in that language."""
    folder = templates_folder(style.language, folder)
    if not folder.is_dir():
        raise UserError(Problem("templates folder not found", path=str(folder)))
    env = Sandbox(
        loader=_loader(folder),
        undefined=jinja2.StrictUndefined,
        autoescape=jinja2.select_autoescape(enabled_extensions=HTML_SUFFIXES, default_for_string=False),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=finalize,  # data strings are Markdown-escaped unless a filter made them safe
        auto_reload=False,  # one run, one set of templates: no stat of each file at every include
        bytecode_cache=SignedBytecodeCache(),
    )
    env.filters.update(Prose(style, definite, display or {}).filters())
    env.globals["hs"] = style  # the house style: templates take every flag and direction word from it
    return env


def templates_hash(folder: Path | None, language: str = "en") -> str:
    """One hash over the template files a language renders with, for the backfill's change
    detection (another language's folder inside it does not count)."""
    folder = templates_folder(language, folder)
    others = {p.parent for p in folder.glob(f"*/{ARTICLE}")}
    files = [p for p in sorted(folder.rglob("*.j2")) if not any(o in p.parents for o in others)]
    digest = "".join(f"{p.relative_to(folder)}:{sha(p.read_bytes())}" for p in files)
    return sha(digest)


def _template_error(exc: Exception, name: str) -> UserError:
    if isinstance(exc, jinja2.TemplateNotFound):
        return UserError(Problem(f"template not found: {exc.name}", expected="the shipped file set (see templates/)"))
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return UserError(
            Problem(f"template syntax error: {exc.message}", path=exc.filename or exc.name or name, line=exc.lineno)
        )
    # a runtime error: name the template and line from Jinja's rewritten traceback
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename.endswith(".j2")]
    where, line = (frames[-1].filename, frames[-1].lineno) if frames else (name, None)
    return UserError(Problem(f"template error: {exc}", path=where, line=line))


def render_template(env: jinja2.Environment, name: str, **context: object) -> str:
    try:
        return env.get_template(name).render(**context)
    except (jinja2.TemplateError, TypeError, AttributeError, KeyError, ValueError, ArithmeticError) as exc:
        raise _template_error(exc, name) from None


_INDENT = re.compile(r"^ {1,3}(?=\S)", re.MULTILINE)
_BLANK_RUN = re.compile(r"\n{3,}")


def tidy(text: str) -> str:
    """One blank line between blocks, none at the ends, a final newline."""
    text = _INDENT.sub("", "\n".join(line.rstrip() for line in text.splitlines()))
    return _BLANK_RUN.sub("\n\n", text).strip() + "\n"


def render_article(facts: WeekFacts, env: jinja2.Environment, rules_version: str) -> Article:
    from writer.claims import build_claims

    claims = build_claims(facts, env.globals["hs"])
    if claims.form == "none":
        from writer.claims import NothingToPublish

        raise NothingToPublish(f"week {facts.week}: nothing publishable (no net flow or year-to-date figure); no draft")
    body = tidy(render_template(env, ARTICLE, f=facts, c=claims))
    first = body.splitlines()[0]
    if not first.startswith("# "):
        raise UserError(Problem("the article must start with a '# ' headline", path=ARTICLE))
    title = first[2:].strip()
    meta = {
        "title": title,
        "week": facts.week.isoformat(),
        "sources": list(facts.sources),
        "input_hash": facts.input_hash,
        "rules_version": rules_version,
        "body_hash": sha(body),
    }
    if env.globals["hs"].language != "en":  # the linter reads a draft in its language
        meta = {"lang": env.globals["hs"].language, **meta}
    return Article(title=title, markdown=compose(meta, body), body=body)


def render_page(article: Article, html_body: str, env: jinja2.Environment) -> str:
    return render_template(env, PAGE, title=Md(article.title), body=html_body)
