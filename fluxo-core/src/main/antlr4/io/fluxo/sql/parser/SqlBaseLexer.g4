/*
 * Fluxo's SQL lexer, shaped like Spark's SqlBaseLexer so that statements can be added token by token.
 *
 * Keywords are case-insensitive (caseInsensitive option). Every keyword must also be listed in the parser's
 * `nonReserved` rule: as in Spark with the default (non-enforced) keyword behaviour, keywords are usable as
 * identifiers, so a column may be called `date`, `window` or `year`.
 */
lexer grammar SqlBaseLexer;

options { caseInsensitive = true; }

@members {
    /** True once a bracketed comment runs to the end of the input without its closing star-slash. */
    public boolean unclosedComment = false;
    /** Line (1-based) where the unclosed comment starts. */
    public int unclosedCommentLine;
    /** Column (0-based) where the unclosed comment starts. */
    public int unclosedCommentColumn;

    /**
     * A number with a dot is a decimal only when no letter, digit or underscore follows it: "2.3W" is not the
     * decimal 2.3 followed by W, and "1.b" is 1 followed by ".b".
     */
    public boolean isValidDecimal() {
        int next = _input.LA(1);
        return !(Character.isLetterOrDigit(next) || next == '_');
    }

    /** Called when a bracketed comment reaches the end of the input; the parser reports it afterwards. */
    public void markUnclosedComment() {
        if (!unclosedComment) {
            unclosedComment = true;
            unclosedCommentLine = _tokenStartLine;
            unclosedCommentColumn = _tokenStartCharPositionInLine;
        }
    }
}

SEMICOLON: ';';
LEFT_PAREN: '(';
RIGHT_PAREN: ')';
COMMA: ',';
DOT: '.';
LEFT_BRACKET: '[';
RIGHT_BRACKET: ']';
BANG: '!';

// ---- Keywords (keep sorted; add each one to `nonReserved` in SqlBaseParser.g4 as well) ----
ALL: 'ALL';
AND: 'AND';
ANTI: 'ANTI';
ANY: 'ANY';
ARRAY: 'ARRAY';
AS: 'AS';
ASC: 'ASC';
BETWEEN: 'BETWEEN';
BOTH: 'BOTH';
BY: 'BY';
CASE: 'CASE';
CAST: 'CAST';
COMMENT: 'COMMENT';
CREATE: 'CREATE';
CROSS: 'CROSS';
CUBE: 'CUBE';
CURRENT: 'CURRENT';
CURRENT_DATE: 'CURRENT_DATE';
CURRENT_TIMESTAMP: 'CURRENT_TIMESTAMP';
DAY: 'DAY';
DAYS: 'DAYS';
DELAY: 'DELAY';
DESC: 'DESC';
DESCRIBE: 'DESCRIBE';
DISTINCT: 'DISTINCT';
DIV: 'DIV';
DROP: 'DROP';
ELSE: 'ELSE';
END: 'END';
ESCAPE: 'ESCAPE';
EXCEPT: 'EXCEPT';
EXISTS: 'EXISTS';
EXPLAIN: 'EXPLAIN';
EXTENDED: 'EXTENDED';
EXTRACT: 'EXTRACT';
FALSE: 'FALSE';
FIRST: 'FIRST';
FOLLOWING: 'FOLLOWING';
FOR: 'FOR';
FROM: 'FROM';
FULL: 'FULL';
FUNCTIONS: 'FUNCTIONS';
GLOBAL: 'GLOBAL';
GROUP: 'GROUP';
GROUPING: 'GROUPING';
HAVING: 'HAVING';
HOUR: 'HOUR';
HOURS: 'HOURS';
IF: 'IF';
ILIKE: 'ILIKE';
IN: 'IN';
INNER: 'INNER';
INSERT: 'INSERT';
INTERSECT: 'INTERSECT';
INTERVAL: 'INTERVAL';
INTO: 'INTO';
IS: 'IS';
JOIN: 'JOIN';
LAST: 'LAST';
LEADING: 'LEADING';
LEFT: 'LEFT';
LIKE: 'LIKE';
LIMIT: 'LIMIT';
LOCATION: 'LOCATION';
MAP: 'MAP';
MICROSECOND: 'MICROSECOND';
MICROSECONDS: 'MICROSECONDS';
MILLISECOND: 'MILLISECOND';
MILLISECONDS: 'MILLISECONDS';
MINUTE: 'MINUTE';
MINUTES: 'MINUTES';
MONTH: 'MONTH';
MONTHS: 'MONTHS';
NANOSECOND: 'NANOSECOND';
NANOSECONDS: 'NANOSECONDS';
NATURAL: 'NATURAL';
NOT: 'NOT';
NULL: 'NULL';
NULLS: 'NULLS';
OF: 'OF';
OFFSET: 'OFFSET';
ON: 'ON';
OPTIONS: 'OPTIONS';
OR: 'OR';
ORDER: 'ORDER';
OUTER: 'OUTER';
OVER: 'OVER';
OVERWRITE: 'OVERWRITE';
PARTITION: 'PARTITION';
PARTITIONED: 'PARTITIONED';
POSITION: 'POSITION';
PRECEDING: 'PRECEDING';
RANGE: 'RANGE';
REPLACE: 'REPLACE';
RIGHT: 'RIGHT';
RLIKE: 'RLIKE' | 'REGEXP';
ROLLUP: 'ROLLUP';
ROW: 'ROW';
ROWS: 'ROWS';
SECOND: 'SECOND';
SECONDS: 'SECONDS';
SELECT: 'SELECT';
SEMI: 'SEMI';
SET: 'SET';
SETMINUS: 'MINUS';
SETS: 'SETS';
SHOW: 'SHOW';
SOME: 'SOME';
STREAM: 'STREAM';
STRUCT: 'STRUCT';
SUBSTR: 'SUBSTR';
SUBSTRING: 'SUBSTRING';
TABLE: 'TABLE';
TABLES: 'TABLES';
TEMP: 'TEMP';
TEMPORARY: 'TEMPORARY';
THEN: 'THEN';
TO: 'TO';
TRAILING: 'TRAILING';
TRIM: 'TRIM';
TRUE: 'TRUE';
TRY_CAST: 'TRY_CAST';
UNBOUNDED: 'UNBOUNDED';
UNION: 'UNION';
UNKNOWN: 'UNKNOWN';
USING: 'USING';
VALUES: 'VALUES';
VIEW: 'VIEW';
WATERMARK: 'WATERMARK';
WEEK: 'WEEK';
WEEKS: 'WEEKS';
WHEN: 'WHEN';
WHERE: 'WHERE';
WITH: 'WITH';
YEAR: 'YEAR';
YEARS: 'YEARS';
// ---- End of keywords ----

EQ: '=' | '==';
NSEQ: '<=>';
NEQ: '<>';
NEQJ: '!=';
LT: '<';
LTE: '<=' | '!>';
// No '>>' token: nested types such as ARRAY<ARRAY<INT>> end in two GT tokens.
GT: '>';
GTE: '>=' | '!<';

PLUS: '+';
MINUS: '-';
ASTERISK: '*';
SLASH: '/';
PERCENT: '%';
TILDE: '~';
AMPERSAND: '&';
PIPE: '|';
CONCAT_PIPE: '||';
HAT: '^';
COLON: ':';
DOUBLE_COLON: '::';
FAT_ARROW: '=>';

STRING_LITERAL
    : '\'' ( ~('\'' | '\\') | ('\\' .) )* '\''
    | 'R\'' (~'\'')* '\''
    | 'R"' (~'"')* '"'
    ;

DOUBLEQUOTED_STRING
    : '"' ( ~('"' | '\\') | ('\\' .) )* '"'
    ;

// Numeric literals come before IDENTIFIER: on a tie in length ("10L", "1E5") the earlier rule wins.
BIGINT_LITERAL: DIGIT+ 'L';
SMALLINT_LITERAL: DIGIT+ 'S';
TINYINT_LITERAL: DIGIT+ 'Y';
INTEGER_VALUE: DIGIT+;

EXPONENT_VALUE
    : DIGIT+ EXPONENT
    | DECIMAL_DIGITS EXPONENT {isValidDecimal()}?
    ;

DECIMAL_VALUE: DECIMAL_DIGITS {isValidDecimal()}?;

FLOAT_LITERAL
    : DIGIT+ EXPONENT? 'F'
    | DECIMAL_DIGITS EXPONENT? 'F' {isValidDecimal()}?
    ;

DOUBLE_LITERAL
    : DIGIT+ EXPONENT? 'D'
    | DECIMAL_DIGITS EXPONENT? 'D' {isValidDecimal()}?
    ;

BIGDECIMAL_LITERAL
    : DIGIT+ EXPONENT? 'BD'
    | DECIMAL_DIGITS EXPONENT? 'BD' {isValidDecimal()}?
    ;

IDENTIFIER: (UNICODE_LETTER | DIGIT | '_')+;

BACKQUOTED_IDENTIFIER: '`' ( ~'`' | '``' )* '`';

fragment DECIMAL_DIGITS
    : DIGIT+ '.' DIGIT*
    | '.' DIGIT+
    ;

fragment EXPONENT: 'E' [+-]? DIGIT+;
fragment DIGIT: [0-9];
fragment UNICODE_LETTER: [\p{L}];

SIMPLE_COMMENT: '--' ('\\\n' | ~[\r\n])* '\r'? '\n'? -> channel(HIDDEN);

BRACKETED_COMMENT
    : '/*' ( BRACKETED_COMMENT | . )*? ('*/' | {markUnclosedComment();} EOF) -> channel(HIDDEN)
    ;

WS: [ \t\n\f\r\u000B\u00A0\u1680\u2000-\u200A\u2028\u202F\u205F\u3000]+ -> channel(HIDDEN);

// Anything else becomes one token the parser rejects, so every error is a parser error with a position.
UNRECOGNIZED: .;
