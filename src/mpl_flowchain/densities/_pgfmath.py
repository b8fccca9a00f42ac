"""Formulas in the notation of TikZ's ``plot`` and pgfmath, evaluated with numpy.

The grammar (parsed with lark) reads a formula as a flat chain of operands
and infix operators. The chain is then grouped with pgfmath's own operator
precedences by the same operator-stack algorithm that pgfmath uses, so that
a formula pasted from a TikZ figure draws the same curve. The precedences
are those that PGF declares in ``pgfmathparser.code.tex``
(``\\pgfmathdeclareoperator``) and ``pgfmathfunctions.basic.code.tex``:

======================  ==========  ========================================
operator                precedence  consequence
======================  ==========  ========================================
``+``, ``-`` (infix)    500         left-associative
unary ``-``             500         ``-2^2`` is ``-(2^2)``; ``2^-3*4`` is
                                    ``2^(-(3*4))``
``r`` (postfix)         600         radians to degrees: ``pi/2 r`` is 90
``*``, ``/``            700         left-associative
``^``                   900         left-associative: ``2^3^2`` is 64
functions               1000        ``sin(30)^2`` is ``(sin(30))^2``
======================  ==========  ========================================

An operator on the stack is applied when the next operator's precedence is
not higher than its own. Trigonometric functions take degrees, as in
pgfmath. Unlike pgfmath, which computes with TeX dimensions (five decimal
places, at most 16383.99999), the tree is evaluated with numpy in float64.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

import numpy as np

MAX_LENGTH = 2000
"""Maximum length of a formula in characters."""

MAX_NESTING = 100
"""Maximum depth of nested parentheses."""

MAX_TREE_DEPTH = 200
"""Maximum depth of the expression tree, which bounds the recursion of evaluation."""

FUNCTIONS = {
    "exp": np.exp,
    "ln": np.log,
    "log10": np.log10,
    "sqrt": np.sqrt,
    "abs": np.abs,
    "sin": np.sin,
    "cos": np.cos,
    "tan": np.tan,
}
TRIGONOMETRIC = frozenset({"sin", "cos", "tan"})
CONSTANTS = {"pi": np.pi, "e": np.e}
VARIABLES = {"t": "t", "x": "x", "\\t": "t", "\\x": "x"}

# The other functions of pgfmath (PGF manual, "Syntax for Mathematical
# Expressions: Functions"), named in the message that rejects them.
_OTHER_PGFMATH_FUNCTIONS = frozenset((
    "acos", "add", "and", "array", "asin", "atan", "atan2", "bin", "ceil", "cosec",
    "cosh", "cot", "deg", "depth", "div", "divide", "equal", "factorial", "false",
    "floor", "frac", "gcd", "greater", "height", "hex", "Hex", "int", "ifthenelse",
    "iseven", "isodd", "isprime", "less", "log2", "max", "min", "mod", "Mod",
    "multiply", "neg", "not", "notequal", "notgreater", "notless", "oct", "or",
    "pow", "rad", "rand", "random", "real", "rnd", "round", "scalar", "sec", "sign",
    "sinh", "subtract", "tanh", "true", "veclen", "width",
))

PRECEDENCE = {"+": 500, "-": 500, "neg": 500, "deg": 600, "*": 700, "/": 700, "^": 900}
FUNCTION_PRECEDENCE = 1000

# Binary operators form chains: a - b + c is one "sum" node with the
# operators ("-", "+"), evaluated from left to right as pgfmath does. A long
# sum thus stays one level deep. Powers are not merged, so that 2^3^2 shows
# its grouping as (2 ^ 3) ^ 2.
CHAINS = {"+": "sum", "-": "sum", "*": "product", "/": "product", "^": "power"}
_OPERATIONS = {"+": np.add, "-": np.subtract, "*": np.multiply, "/": np.divide,
               "^": np.power}

_GRAMMAR = r"""
start: expr
expr: term (INFIX term)*
term: _prefix* _atom DEG*
_prefix: SIGN | FUNCTION
_atom: NUMBER | NAME | MACRO | "(" expr ")" | call
call: NAME "(" expr ")"

SIGN: "+" | "-"
INFIX: "+" | "-" | "*" | "/" | "^"
DEG.2: /r(?![A-Za-z0-9_])/
FUNCTION.2: /(exp|ln|log10|sqrt|abs|sin|cos|tan)(?![A-Za-z0-9_])/
NAME: /[A-Za-z_][A-Za-z0-9_]*/
MACRO: /\\[A-Za-z]+/
NUMBER: /(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/

%import common.WS
%ignore WS
"""

_SUPPORTED = (
    "numbers, the variable t or x (also written \\t or \\x), + - * / ^, "
    "parentheses, the postfix r, the constants pi and e, and the functions "
    + ", ".join(FUNCTIONS)
)


@dataclass(frozen=True)
class Node:
    """One operation of a parsed formula.

    Attributes
    ----------
    op : str
        ``"number"``, ``"variable"``, ``"constant"``, ``"neg"``, ``"deg"``,
        ``"sum"``, ``"product"``, ``"power"`` or a function name.
    args : tuple of Node
        The operands.
    operators : tuple of str
        For a sum, product or power, the operators between the operands,
        applied from left to right.
    value : float or None
        The value of a number or constant.
    text : str
        The source text of a leaf (number, variable or constant).
    depth : int
        Length of the longest path to a leaf, 1 for a leaf.
    """

    op: str
    args: tuple = ()
    operators: tuple = ()
    value: float | None = None
    text: str = ""
    depth: int = 1


class Formula:
    """A density given as a formula in the notation of TikZ's ``plot``.

    ``Formula("exp(-10*t^2) + 0.5*exp(-50*(t+0.3)^2)")`` reads a formula
    as pgfmath does, so that a formula pasted from a TikZ figure draws the
    same curve. A string passed as a density is read with this class.

    The notation allowed is: numbers (``2``, ``0.5``, ``.5``, ``1e-3``), the
    variable written ``t``, ``x``, ``\\t`` or ``\\x``, the operators
    ``+ - * / ^``, unary minus, parentheses, the constants ``pi`` and ``e``,
    and the functions ``exp``, ``ln``, ``log10``, ``sqrt``, ``abs``, ``sin``,
    ``cos`` and ``tan``. The rules are pgfmath's:

    - ``^`` is left-associative: ``2^3^2`` is 64.
    - Unary minus binds looser than ``^`` and as loosely as ``+``:
      ``-2^2`` is -4, and ``-60*(t-0.6)^2`` is ``-(60*((t-0.6)^2))``.
    - ``sin``, ``cos`` and ``tan`` take degrees. A postfix ``r`` converts
      radians to degrees, as in ``sin(pi/2 r)`` or ``sin(3.14159r)``. It
      applies to the whole product before it: ``pi/2 r`` is 90.
    - There is no implicit multiplication: ``2pi`` is an error.
    - A function without parentheses takes the next value only:
      ``sin 30*2`` is ``sin(30)*2``.

    NOTE: TikZ replaces ``\\t`` by its text before parsing, so for
    ``t = -0.5`` it reads ``\\t^2`` as ``-0.5^2``, which is -0.25. Here the
    variable is a value, so ``\\t^2`` is 0.25. Both agree on ``(\\t)^2``,
    the form that TikZ figures use for this reason.

    Parameters
    ----------
    text : str
        The formula.

    Raises
    ------
    ValueError
        If the formula is empty, too long or nested too deeply, has
        unbalanced parentheses, an unknown name, a character or operator
        outside the notation, or two values with no operator between them.

    Examples
    --------
    >>> f = Formula("-60*(t-0.6)^2")
    >>> f.parenthesized
    '-(60 * ((t - 0.6) ^ 2))'
    >>> float(Formula("sin(pi/2 r)")(0.0))
    1.0
    """

    def __init__(self, text):
        if not isinstance(text, str):
            raise TypeError(f"a formula must be a str, got {type(text).__name__}")
        self.text = text
        self.tree, self.variable = parse(text)

    def __call__(self, t):
        """Evaluate the formula at *t*; return a float array of the shape of *t*."""
        t = np.asarray(t, dtype=float)
        with np.errstate(all="ignore"):
            value = _evaluate(self.tree, t)
        return np.array(np.broadcast_to(value, t.shape), dtype=float)

    @property
    def parenthesized(self):
        """The formula as it was parsed, with every operation in parentheses.

        A chain of ``+`` and ``-``, or of ``*`` and ``/``, stays without inner
        parentheses because it is computed from left to right.
        """
        return render(self.tree)

    def __repr__(self):
        return f"Formula({self.text!r})"

    def __eq__(self, other):
        return isinstance(other, Formula) and other.text == self.text

    def __hash__(self):
        return hash(("Formula", self.text))


def parse(text):
    """Parse *text* and return ``(tree, variable)``.

    *variable* is ``"t"``, ``"x"`` or None for a formula without one.
    """
    from lark.exceptions import UnexpectedInput

    # One space per whitespace character keeps columns right in messages
    # about a formula pasted across several lines.
    text = "".join(" " if char.isspace() else char for char in text)
    _check_size(text)
    _check_parentheses(text)
    try:
        tree = _parser().parse(text)
    except UnexpectedInput as err:
        raise _syntax_error(text, err) from None
    builder = _TreeBuilder(text)
    return builder.build(tree.children[0]), builder.variable


def render(node):
    """Return the formula of *node* with every operation in parentheses.

    Chains of ``+`` and ``-``, or of ``*`` and ``/``, are written without
    inner parentheses, since they are computed from left to right.
    """
    return _render(node, top=True)


@functools.cache
def _parser():
    # lark is imported here, not at module level, to keep
    # ``import mpl_flowchain`` fast.
    from lark import Lark

    return Lark(_GRAMMAR, parser="lalr")


def _check_size(text):
    if not text.strip():
        raise ValueError("the formula is empty; write an expression in t such as "
                         "'exp(-10*t^2)'")
    if len(text) > MAX_LENGTH:
        raise ValueError(
            f"the formula is {len(text)} characters long; at most {MAX_LENGTH} are "
            "accepted, so that parsing and evaluation stay fast"
        )


def _check_parentheses(text):
    """Raise ValueError for unbalanced or too deeply nested parentheses."""
    open_columns = []
    for column, char in enumerate(text, start=1):
        if char == "(":
            open_columns.append(column)
            if len(open_columns) > MAX_NESTING:
                raise _error_at(
                    text, column,
                    f"parentheses are nested more than {MAX_NESTING} deep; "
                    "simplify the formula",
                )
        elif char == ")":
            if not open_columns:
                raise _error_at(
                    text, column,
                    f"unbalanced parentheses: ')' at column {column} has no "
                    "matching '('; remove it or add a '(' before it",
                )
            open_columns.pop()
    if open_columns:
        column = open_columns[-1]
        raise _error_at(
            text, column,
            f"unbalanced parentheses: '(' at column {column} is never closed; "
            "add a ')'",
        )


def _error_at(text, column, message):
    """Return a ValueError for *message* that shows *column* of *text*."""
    start = max(0, min(column - 40, len(text) - 80))
    excerpt = text[start : start + 80]
    caret = " " * (column - 1 - start) + "^"
    return ValueError(f"invalid formula: {message}\n    {excerpt}\n    {caret}")


def _syntax_error(text, err):
    """Turn a lark parse error into a ValueError in terms of the notation."""
    from lark.exceptions import UnexpectedCharacters, UnexpectedToken

    column = getattr(err, "column", None) or len(text)
    if isinstance(err, UnexpectedCharacters):
        char = text[err.pos_in_stream]
        return _error_at(
            text, column,
            f"{char!r} at column {column} is not part of the notation, which has "
            f"{_SUPPORTED}",
        )
    if not isinstance(err, UnexpectedToken):
        return _error_at(text, column, f"the formula cannot be parsed ({err})")
    token = err.token
    if token.type == "$END":
        return _error_at(
            text, len(text) + 1,
            "the formula ends where a value is expected; complete the expression "
            "after the last operator",
        )
    expects_value = "NUMBER" in err.expected
    if expects_value:
        hint = ""
        if token.value == "*" and text[: token.start_pos].rstrip().endswith("*"):
            hint = "; '**' is not an operator here, write powers with '^'"
        elif token.type == "DEG":
            hint = "; the postfix r follows a value, as in sin(pi/2 r)"
        return _error_at(
            text, column,
            f"expected a value (a number, the variable, a function or '(') at "
            f"column {column}, found {token.value!r}{hint}",
        )
    return _error_at(
        text, column,
        f"{token.value!r} at column {column} follows a value with no operator "
        "between them; pgfmath has no implicit multiplication, so write '*' "
        "(for example 2*pi)",
    )


class _TreeBuilder:
    """Build `Node` trees from lark parse trees, with pgfmath's precedences."""

    def __init__(self, text):
        self.text = text
        self.variable = None

    def build(self, expr):
        """Group the chain of *expr* into a tree, as pgfmath's operator stack does."""
        operators = []  # (name, precedence, arity)
        operands = []
        items = expr.children
        for index in range(0, len(items), 2):
            if index > 0:
                infix = items[index - 1]
                self._push(operators, operands, infix.value, PRECEDENCE[infix.value], 2)
            self._term(items[index], operators, operands)
        while operators:
            self._apply(operators.pop(), operands)
        (tree,) = operands
        return tree

    def _term(self, term, operators, operands):
        atom = None
        degree_marks = 0
        for item in term.children:
            kind = getattr(item, "type", None)  # None for a lark Tree
            if kind == "FUNCTION":
                operators.append((item.value, FUNCTION_PRECEDENCE, 1))
            elif kind == "SIGN":
                # A unary plus does nothing, as in pgfmath.
                if item.value == "-":
                    operators.append(("neg", PRECEDENCE["neg"], 1))
            elif kind == "DEG":
                degree_marks += 1
            else:
                atom = item
        operands.append(self._atom(atom))
        for _ in range(degree_marks):
            self._push(operators, operands, "deg", PRECEDENCE["deg"], 1)

    def _push(self, operators, operands, name, precedence, arity):
        # pgfmath applies every stacked operator whose precedence is not
        # lower than that of the operator just read, then stacks it.
        while operators and operators[-1][1] >= precedence:
            self._apply(operators.pop(), operands)
        operators.append((name, precedence, arity))

    def _apply(self, operator, operands):
        name, _, arity = operator
        args = tuple(operands[-arity:])
        del operands[-arity:]
        if arity == 1:
            operands.append(self._node(name, args))
            return
        left, right = args
        chain = CHAINS[name]
        if left.op == chain and chain != "power":
            node = self._node(chain, left.args + (right,), left.operators + (name,))
        else:
            node = self._node(chain, args, (name,))
        operands.append(node)

    def _node(self, op, args=(), operators=(), value=None, text=""):
        depth = 1 + max((arg.depth for arg in args), default=0)
        if depth > MAX_TREE_DEPTH:
            raise ValueError(
                f"invalid formula: operations are nested more than {MAX_TREE_DEPTH} "
                "deep; simplify the formula"
            )
        return Node(op, args, operators, value, text, depth)

    def _atom(self, atom):
        if not hasattr(atom, "type"):  # a lark Tree: a group or a call
            if atom.data == "expr":
                return self.build(atom)
            return self._call(atom)
        if atom.type == "NUMBER":
            return self._number(atom)
        if atom.type == "MACRO":
            return self._macro(atom)
        return self._name(atom)

    def _number(self, token):
        mantissa = token.value.split("e")[0].split("E")[0]
        if len(mantissa) > 1 and mantissa.startswith("0") and "." not in mantissa:
            raise _error_at(
                self.text, token.column,
                f"{token.value!r} at column {token.column} starts with 0, which "
                f"pgfmath reads as an octal number ({token.value} would be "
                f"{_octal_hint(mantissa)}); remove the leading zeros",
            )
        value = float(token.value)
        if not math.isfinite(value):
            raise _error_at(
                self.text, token.column,
                f"the number {token.value} at column {token.column} is too large "
                "for float64",
            )
        return self._node("number", value=value, text=token.value)

    def _macro(self, token):
        if token.value not in VARIABLES:
            raise _error_at(
                self.text, token.column,
                f"unknown TeX macro {token.value!r} at column {token.column}; the "
                "variable is written t, x, \\t or \\x, and other macros must be "
                "replaced by their values before the formula is pasted",
            )
        return self._variable(token)

    def _name(self, token):
        name = token.value
        if name in VARIABLES:
            return self._variable(token)
        if name in CONSTANTS:
            return self._node("constant", value=CONSTANTS[name], text=name)
        raise _error_at(self.text, token.column, self._unknown_name(token))

    def _variable(self, token):
        variable = VARIABLES[token.value]
        if self.variable is None:
            self.variable = variable
        elif variable != self.variable:
            raise _error_at(
                self.text, token.column,
                f"the formula uses both {self.variable} and {variable}; a density "
                "has one variable, so write it the same way throughout",
            )
        return self._node("variable", text=token.value)

    def _call(self, call):
        name_token = call.children[0]
        name = name_token.value
        if name in VARIABLES or name in CONSTANTS:
            raise _error_at(
                self.text, name_token.column,
                f"{name!r} at column {name_token.column} is followed by '(' with no "
                f"operator between them; write {name}*(...) to multiply",
            )
        raise _error_at(self.text, name_token.column, self._unknown_name(name_token))

    def _unknown_name(self, token):
        name = token.value
        where = f"at column {token.column}"
        if name == "r":
            return (f"'r' {where} converts radians to degrees and must follow a "
                    "value, as in sin(pi/2 r)")
        if name in _OTHER_PGFMATH_FUNCTIONS:
            return (f"the pgfmath function {name!r} {where} is not supported; the "
                    f"notation has {_SUPPORTED}")
        return f"unknown name {name!r} {where}; the notation has {_SUPPORTED}"


def _octal_hint(digits):
    try:
        return str(int(digits, 8))
    except ValueError:
        return "invalid"


def _evaluate(node, t):
    """Evaluate *node* at *t*; a recursion no deeper than ``MAX_TREE_DEPTH``."""
    op = node.op
    if op in ("number", "constant"):
        return node.value
    if op == "variable":
        return t
    if op == "neg":
        return -_evaluate(node.args[0], t)
    if op == "deg":
        return np.rad2deg(_evaluate(node.args[0], t))
    if op in TRIGONOMETRIC:
        (argument,) = node.args
        if argument.op == "deg":
            # sin(x r) is sin of x radians: skip the round trip through degrees.
            radians = _evaluate(argument.args[0], t)
        else:
            radians = np.deg2rad(_evaluate(argument, t))
        return FUNCTIONS[op](radians)
    if op in FUNCTIONS:
        return FUNCTIONS[op](_evaluate(node.args[0], t))
    result = _evaluate(node.args[0], t)
    for operator, operand in zip(node.operators, node.args[1:]):
        result = _OPERATIONS[operator](result, _evaluate(operand, t))
    return result


def _render(node, top=False):
    if node.text:
        return node.text
    if node.op in FUNCTIONS:
        return f"{node.op}({_render(node.args[0], top=True)})"
    if node.op == "neg":
        text = "-" + _render(node.args[0])
    elif node.op == "deg":
        text = f"({_render(node.args[0], top=True)}) r"
    else:
        parts = [_render(node.args[0])]
        for operator, operand in zip(node.operators, node.args[1:]):
            parts += [operator, _render(operand)]
        text = " ".join(parts)
    return text if top else f"({text})"
