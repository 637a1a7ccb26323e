r"""The syntax of Entra's expression language: its grammar, tokenizer, syntax tree and parser.

Microsoft's "Reference for writing expressions for attribute mappings" describes the
language by example; the grammar below is what this parser accepts, in ISO/IEC 14977 EBNF.
Each syntactic production is one method of the parser, each lexical production one branch
of `tokenize` (the comment names it). The parser's other methods parse nothing: `check_*`
judge what was parsed (known attributes, a function's arguments), `token`, `advance` and
`error` move along the tokens and report.

    (* syntax; tokens may be separated by white space *)
    expression = comparison , ? end of the text ? ;            (* _Parser.expression *)
    comparison = operand , [ operator , operand ] ;            (* _Parser.comparison *)
    operand    = string | number | attribute | word
               | "(" , comparison , ")" ;                      (* _Parser.operand *)
    word       = boolean | call ;                              (* _Parser.word *)
    boolean    = "true" | "false" ;                (* _Parser.word; in any case *)
    call       = name , "(" , [ arguments ] , ")" ;            (* _Parser.call *)
    arguments  = argument , { "," , argument } ;               (* _Parser.arguments *)
    argument   = [ comparison ] ;                              (* _Parser.argument *)

    (* lexical *)
    operator   = "<>" | "<=" | ">=" | "=" | "<" | ">" ;        (* _OPERATORS *)
    attribute  = "[" , attribute name , "]" ;                  (* _read_attribute *)
    attribute name = attribute character , { attribute character } ;
    attribute character = character - ( "[" | "]" | '"' | "(" | "," ) ;
    string     = '"' , { escape | character - '"' } , '"' ;    (* _read_string *)
    escape     = "\" , ( '"' | "\" ) ;
    number     = [ "-" ] , digit , { digit }                   (* _NUMBER_RE *)
               | "&" , ( "H" | "h" ) , hex digit , { hex digit } ;          (* _HEX_RE *)
    name       = ( letter | "_" ) , { letter | digit | "_" } ; (* _IDENT_RE *)
    character  = ? any character ? ;
    letter     = ? A to Z, a to z ? ;
    digit      = ? 0 to 9 ? ;
    hex digit  = digit | ? A to F, a to f ? ;

Where the grammar alone does not say:

- ``()`` is a call with no arguments; between commas, or before ``)``, an empty argument
  is left out (``Omitted``), which only some functions allow:
  ``Replace([mail], "@contoso.com", , , "", , )``.
- ``[givenName]``, ``[onPremisesExtensionAttributes.extensionAttribute1]``: the name is
  trimmed, and must not be blank; attribute names compare without case.
- Inside a string ``\"`` is a quote and ``\\`` a backslash; any other backslash is kept
  as written, so both ``"\d"`` and ``"\\d"`` reach a regex as ``\d``.
- A comparison stands where a value is expected, as in ``IIF([country]="FR", "fr_FR",
  "en_US")``; only one per operand: parentheses group a comparison, nested IIF combine them.
- A name followed by ``(`` is a function call (names are case-sensitive, as in Entra; an
  error suggests the right spelling), otherwise it must be true or false.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

from app.errors import InputError
from app.messages import Message
from app.sync import expression_messages as said
from app.sync.expressions.functions import FUNCTIONS, FunctionSpec, dotnet_regex

# --- errors ---------------------------------------------------------------------------------


class ExpressionError(InputError):
    """An expression that cannot be used; `column` (1-based) is where the problem is."""

    def __init__(self, problem: str | Message, column: int, text: str) -> None:
        self.problem = str(problem)
        self.coded_problem = problem if isinstance(problem, Message) else None
        self.column = column
        self.text = text
        frame = said.ERROR_ENDED if self.problem.endswith((".", "?", "!")) else said.ERROR
        super().__init__(frame(where=self.where_said(), problem=problem), said.NEXT_STEP())

    def where(self) -> str:
        """'column 11 (near `[a`)': the column and the text that starts there."""
        return self.where_said().english

    def where_said(self) -> Message:
        """where(), as a coded message."""
        rest = self.text[self.column - 1 :].split("\n", 1)[0].strip()
        if not rest:
            return said.AT_END(column=self.column)
        snippet = rest if len(rest) <= 12 else rest[:12] + "…"
        return said.NEAR(column=self.column, snippet=snippet)

    def pointer(self) -> str:
        """The expression's line with a caret under the column, for a terminal or a tooltip."""
        before = self.text[: self.column - 1]
        line_start = before.rfind("\n") + 1
        line_end = self.text.find("\n", line_start)
        line = self.text[line_start : line_end if line_end >= 0 else len(self.text)]
        return f"{line}\n{' ' * (self.column - 1 - line_start)}^"


# --- tokens ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Token:
    kind: str  # IDENT STRING NUMBER ATTR LPAREN RPAREN COMMA OP EOF
    value: Any
    start: int  # 0-based offset in the text

    @property
    def column(self) -> int:
        return self.start + 1


_OPERATORS = ("<>", "<=", ">=", "=", "<", ">")
_IDENT_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_NUMBER_RE = re.compile(r"-?[0-9]+")
_HEX_RE = re.compile(r"&[Hh]([0-9A-Fa-f]+)")
_PUNCTUATION = {"(": "LPAREN", ")": "RPAREN", ",": "COMMA"}


def tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
        elif ch == "[":
            name, end = _read_attribute(text, i)
            tokens.append(Token("ATTR", name, i))
            i = end
        elif ch == '"':
            value, end = _read_string(text, i)
            tokens.append(Token("STRING", value, i))
            i = end
        elif ch in _PUNCTUATION:
            tokens.append(Token(_PUNCTUATION[ch], ch, i))
            i += 1
        elif (m := _HEX_RE.match(text, i)) is not None:
            tokens.append(Token("NUMBER", int(m.group(1), 16), i))
            i = m.end()
        elif (m := _NUMBER_RE.match(text, i)) is not None:
            tokens.append(Token("NUMBER", int(m.group()), i))
            i = m.end()
        elif (m := _IDENT_RE.match(text, i)) is not None:
            tokens.append(Token("IDENT", m.group(), i))
            i = m.end()
        elif (op := next((o for o in _OPERATORS if text.startswith(o, i)), None)) is not None:
            tokens.append(Token("OP", op, i))
            i += len(op)
        elif ch in "'\u2018\u2019\u201c\u201d\u00ab\u00bb":
            raise ExpressionError(said.NOT_A_QUOTE(quote=ch), i + 1, text)
        else:
            raise ExpressionError(said.UNEXPECTED_CHARACTER(ch=ch), i + 1, text)
    tokens.append(Token("EOF", None, n))
    return tokens


def _read_attribute(text: str, start: int) -> tuple[str, int]:
    """The name of the attribute reference opening at `start`, and the offset after it."""
    end = text.find("]", start + 1)
    stop = text.find("[", start + 1)
    if end < 0 or (0 <= stop < end):
        raise ExpressionError(said.ATTRIBUTE_NOT_CLOSED(), start + 1, text)
    name = text[start + 1 : end].strip()
    if not name:
        raise ExpressionError(said.ATTRIBUTE_MISSING(), start + 1, text)
    if '"' in name or "(" in name or "," in name:
        raise ExpressionError(said.ATTRIBUTE_NOT_CLOSED(), start + 1, text)
    return name, end + 1


def _read_string(text: str, start: int) -> tuple[str, int]:
    """The value of the string literal opening at `start`, and the offset after it."""
    out: list[str] = []
    i = start + 1
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text) and text[i + 1] in '\\"':
            out.append(text[i + 1])
            i += 2
        elif ch == '"':
            return "".join(out), i + 1
        else:
            out.append(ch)
            i += 1
    raise ExpressionError(said.TEXT_NOT_CLOSED(), start + 1, text)


# --- the syntax tree ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StringLiteral:
    value: str
    column: int = field(default=0, compare=False)


@dataclass(frozen=True, slots=True)
class NumberLiteral:
    value: int
    column: int = field(default=0, compare=False)


@dataclass(frozen=True, slots=True)
class BooleanLiteral:
    value: bool
    column: int = field(default=0, compare=False)


@dataclass(frozen=True, slots=True)
class AttributeRef:
    name: str
    column: int = field(default=0, compare=False)


@dataclass(frozen=True, slots=True)
class Omitted:
    column: int = field(default=0, compare=False)


@dataclass(frozen=True, slots=True)
class Call:
    name: str
    args: tuple[Node, ...] = ()
    column: int = field(default=0, compare=False)


@dataclass(frozen=True, slots=True)
class Comparison:
    op: str
    left: Node
    right: Node
    column: int = field(default=0, compare=False)


Node = StringLiteral | NumberLiteral | BooleanLiteral | AttributeRef | Omitted | Call | Comparison
# --- the parser -----------------------------------------------------------------------------


def _closest(name: str, candidates: Collection[str]) -> str | None:
    lowered = {c.lower(): c for c in candidates}
    if name.lower() in lowered:
        return lowered[name.lower()]
    found = difflib.get_close_matches(name.lower(), list(lowered), n=1, cutoff=0.6)
    return lowered[found[0]] if found else None


class _Parser:
    """A recursive-descent parser: one method per production of the grammar above."""

    def __init__(self, text: str, known_attributes: Collection[str] | None) -> None:
        self.text = text
        self.tokens = tokenize(text)
        self.pos = 0
        self.known = None if known_attributes is None else {a.lower() for a in known_attributes}
        self.known_names = known_attributes

    def error(self, problem: Message, column: int) -> ExpressionError:
        return ExpressionError(problem, column, self.text)

    @property
    def token(self) -> Token:
        return self.tokens[self.pos]

    def advance(self) -> Token:
        tok = self.tokens[self.pos]
        self.pos += 1
        return tok

    def expression(self) -> Node:
        if self.token.kind == "EOF":
            raise self.error(said.EMPTY(), 1)
        node = self.comparison()
        if self.token.kind != "EOF":
            tok = self.token
            problem = said.UNEXPECTED
            if tok.kind == "RPAREN":
                problem = said.UNEXPECTED_CLOSING
            elif tok.kind in {"STRING", "ATTR", "IDENT", "NUMBER"}:
                problem = said.UNEXPECTED_AFTER_END
            raise self.error(problem(token=_describe(tok)), tok.column)
        return node

    def comparison(self) -> Node:
        left = self.operand()
        if self.token.kind == "OP":
            op = self.advance()
            right = self.operand()
            if self.token.kind == "OP":
                raise self.error(said.ONE_COMPARISON(), self.token.column)
            return Comparison(op.value, left, right, column=op.column)
        return left

    def operand(self) -> Node:
        tok = self.token
        if tok.kind == "STRING":
            self.advance()
            return StringLiteral(tok.value, column=tok.column)
        if tok.kind == "NUMBER":
            self.advance()
            return NumberLiteral(tok.value, column=tok.column)
        if tok.kind == "ATTR":
            self.advance()
            self.check_attribute(tok)
            return AttributeRef(tok.value, column=tok.column)
        if tok.kind == "IDENT":
            return self.word()
        if tok.kind == "LPAREN":
            self.advance()
            inner = self.comparison()
            if self.token.kind != "RPAREN":
                raise self.error(said.NOT_CLOSED(column=tok.column), tok.column)
            self.advance()
            return inner
        if tok.kind == "EOF":
            raise self.error(said.ENDS_TOO_SOON(), tok.column)
        if tok.kind in {"COMMA", "RPAREN"}:
            raise self.error(said.VALUE_MISSING(token=_describe(tok)), tok.column)
        raise self.error(said.UNEXPECTED_VALUE(token=_describe(tok)), tok.column)

    def check_attribute(self, tok: Token) -> None:
        if self.known is None or tok.value.lower() in self.known:
            return
        assert self.known_names is not None
        near = _closest(tok.value, self.known_names)
        problem = (
            said.UNKNOWN_ATTRIBUTE_NEAR(name=tok.value, near=near)
            if near
            else said.UNKNOWN_ATTRIBUTE(name=tok.value)
        )
        raise self.error(problem, tok.column)

    def word(self) -> Node:
        """A name: a call when "(" follows it, else true or false."""
        if self.tokens[self.pos + 1].kind == "LPAREN":
            return self.call()
        tok = self.advance()
        name: str = tok.value
        if name.lower() in {"true", "false"}:
            return BooleanLiteral(name.lower() == "true", column=tok.column)
        if name in FUNCTIONS or _closest(name, FUNCTIONS) == name:
            raise self.error(said.CALL_NEEDS_PAREN(name=name), tok.column)
        raise self.error(said.UNEXPECTED_WORD(name=name), tok.column)

    def call(self) -> Node:
        tok = self.advance()
        name: str = tok.value
        spec = FUNCTIONS.get(name)
        if spec is None:
            near = _closest(name, FUNCTIONS)
            if near is not None and near.lower() == name.lower():
                problem = said.FUNCTION_CASE(name=name, near=near)
            elif near is not None:
                problem = said.UNKNOWN_FUNCTION_NEAR(name=name, near=near)
            else:
                problem = said.UNKNOWN_FUNCTION(name=name)
            raise self.error(problem, tok.column)
        open_paren = self.advance()
        args = self.arguments(open_paren)
        if not spec.accepts(len(args)):
            raise self.error(said.WRONG_ARITY(arity=spec.arity(), given=len(args)), tok.column)
        self.check_arguments(spec, args)
        return Call(name, tuple(args), column=tok.column)

    def arguments(self, open_paren: Token) -> list[Node]:
        """The arguments up to and including the ")" (none when it follows the "(")."""
        args: list[Node] = []
        if self.token.kind == "RPAREN":
            self.advance()
            return args
        while True:
            args.append(self.argument(open_paren))
            tok = self.token
            if tok.kind == "COMMA":
                self.advance()
                continue
            if tok.kind == "RPAREN":
                self.advance()
                return args
            if tok.kind == "EOF":
                raise self.error(said.NOT_CLOSED(column=open_paren.column), open_paren.column)
            raise self.error(said.COMMA_EXPECTED(token=_describe(tok)), tok.column)

    def argument(self, open_paren: Token) -> Node:
        if self.token.kind in {"COMMA", "RPAREN"}:
            return Omitted(column=self.token.column)
        if self.token.kind == "EOF":
            raise self.error(said.NOT_CLOSED(column=open_paren.column), open_paren.column)
        return self.comparison()

    def check_arguments(self, spec: FunctionSpec, args: list[Node]) -> None:
        for index, arg in enumerate(args):
            param = spec.params[min(index, len(spec.params) - 1)]
            if param == "...":
                param = "value"
            if isinstance(arg, Omitted) and index not in spec.omittable:
                raise self.error(said.ARGUMENT_MISSING(param=param, function=spec.name), arg.column)
            if index in spec.int_params and isinstance(arg, StringLiteral):
                try:
                    int(arg.value.strip())
                except ValueError:
                    raise self.error(
                        said.NOT_WHOLE(param=param, function=spec.name, value=arg.value),
                        arg.column,
                    ) from None
            if index in spec.regex_params and isinstance(arg, StringLiteral):
                try:
                    re.compile(dotnet_regex(arg.value))
                except re.error as exc:
                    raise self.error(said.BAD_REGEX(detail=exc.msg), arg.column) from None
        if spec.name == "Replace":
            given = [not isinstance(a, Omitted) for a in args]
            if not (
                (given[2] and (given[4] or (given[3] and given[5])))
                or (given[1] and (given[4] or given[6]))
            ):
                raise self.error(said.REPLACE_ARGUMENTS(), args[0].column if args else 1)


def _describe(tok: Token) -> Message:
    if tok.kind == "EOF":
        return said.TOKEN_END()
    if tok.kind == "STRING":
        return said.TOKEN_TEXT(value=tok.value)
    if tok.kind == "ATTR":
        return said.TOKEN_ATTRIBUTE(name=tok.value)
    if tok.kind == "IDENT":
        return said.TOKEN_WORD(word=tok.value)
    return said.TOKEN_OTHER(value=str(tok.value))


# --- from text to tree and back -------------------------------------------------------------


class Parsed(Protocol):
    """What `parse` gives (an Expression): the tree of a parsed text."""

    @property
    def root(self) -> Node: ...


_NODE_TYPES = (
    StringLiteral,
    NumberLiteral,
    BooleanLiteral,
    AttributeRef,
    Omitted,
    Call,
    Comparison,
)


def parse_tree(text: str, *, known_attributes: Collection[str] | None = None) -> Node:
    """The syntax tree of an expression; raise ExpressionError (with `column`) when it is not valid.

    With `known_attributes`, an attribute not in the list is an error (names compare
    without case) and the closest known name is suggested.
    """
    return _Parser(text, known_attributes).expression()


def _walk(node: Node) -> Iterator[Node]:
    yield node
    if isinstance(node, Call):
        for arg in node.args:
            yield from _walk(arg)
    elif isinstance(node, Comparison):
        yield from _walk(node.left)
        yield from _walk(node.right)


def referenced_attributes(expression: Parsed | Node) -> tuple[str, ...]:
    """The attribute names an expression reads, in order of appearance, without repeats."""
    root = expression if isinstance(expression, _NODE_TYPES) else expression.root
    seen: dict[str, str] = {}
    for node in _walk(root):
        if isinstance(node, AttributeRef) and node.name.lower() not in seen:
            seen[node.name.lower()] = node.name
    return tuple(seen.values())


def to_text(node: Parsed | Node) -> str:
    """The canonical text of an expression: parse(to_text(e)) == e."""
    if not isinstance(node, _NODE_TYPES):
        node = node.root
    match node:
        case StringLiteral(value=value):
            return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
        case BooleanLiteral(value=value):
            return "true" if value else "false"
        case NumberLiteral(value=value):
            return str(value)
        case AttributeRef(name=name):
            return f"[{name}]"
        case Omitted():
            return ""
        case Call(name=name, args=args):
            return f"{name}({', '.join(to_text(a) for a in args)})"
        case Comparison(op=op, left=left, right=right):

            def side(n: Node) -> str:
                return f"({to_text(n)})" if isinstance(n, Comparison) else to_text(n)

            return f"{side(left)} {op} {side(right)}"
    raise TypeError(f"not an expression node: {node!r}")  # pragma: no cover
