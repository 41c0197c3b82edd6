/*
 * Fluxo's SQL grammar, shaped like Spark's SqlBaseParser: expressions and data types now; statements and queries
 * are added as new entry points (`singleStatement : statement SEMICOLON* EOF`) that reuse `namedExpression`,
 * `expression`, `booleanExpression`, `dataType` and `identifier` unchanged.
 *
 * Precedence, loosest first: OR; AND; NOT; predicates (BETWEEN, IN, LIKE, RLIKE, IS ...); comparisons; |; ^; &;
 * + - ||; * / % DIV; unary - + ~; postfix . [] ::.
 */
parser grammar SqlBaseParser;

options { tokenVocab = SqlBaseLexer; }

// ---- Entry points: each consumes the whole input ----

singleExpression
    : namedExpression EOF
    ;

singleDataType
    : dataType EOF
    ;

singleTableSchema
    : (colTypeList | structType) EOF
    ;

singleMultipartIdentifier
    : multipartIdentifier EOF
    ;

// ---- Expressions ----

namedExpression
    : expression (AS? name=identifier)?
    ;

expression
    : booleanExpression
    ;

booleanExpression
    : (NOT | BANG) booleanExpression                               #logicalNot
    | valueExpression predicate?                                   #predicated
    | left=booleanExpression operator=AND right=booleanExpression  #logicalBinary
    | left=booleanExpression operator=OR right=booleanExpression   #logicalBinary
    ;

predicate
    : NOT? kind=BETWEEN lower=valueExpression AND upper=valueExpression
    | NOT? kind=IN LEFT_PAREN expression (COMMA expression)* RIGHT_PAREN
    | NOT? kind=RLIKE pattern=valueExpression
    | NOT? kind=(LIKE | ILIKE) quantifier=(ANY | SOME | ALL)
        LEFT_PAREN expression (COMMA expression)* RIGHT_PAREN
    | NOT? kind=(LIKE | ILIKE) pattern=valueExpression (ESCAPE escapeChar=stringLit)?
    | IS NOT? kind=NULL
    | IS NOT? kind=(TRUE | FALSE | UNKNOWN)
    | IS NOT? kind=DISTINCT FROM right=valueExpression
    ;

valueExpression
    : primaryExpression                                                                      #valueExpressionDefault
    | operator=(MINUS | PLUS | TILDE) valueExpression                                        #arithmeticUnary
    | left=valueExpression operator=(ASTERISK | SLASH | PERCENT | DIV) right=valueExpression #arithmeticBinary
    | left=valueExpression operator=(PLUS | MINUS | CONCAT_PIPE) right=valueExpression       #arithmeticBinary
    | left=valueExpression operator=AMPERSAND right=valueExpression                          #arithmeticBinary
    | left=valueExpression operator=HAT right=valueExpression                                #arithmeticBinary
    | left=valueExpression operator=PIPE right=valueExpression                               #arithmeticBinary
    | left=valueExpression comparisonOperator right=valueExpression                          #comparison
    ;

comparisonOperator
    : EQ | NEQ | NEQJ | LT | LTE | GT | GTE | NSEQ
    ;

// Where two alternatives match the same text (`current_date` is also a column name, `struct(a)` also a function
// call), the earlier one wins.
primaryExpression
    : name=(CURRENT_DATE | CURRENT_TIMESTAMP)                                                  #currentLike
    | CASE whenClause+ (ELSE elseExpression=expression)? END                                   #searchedCase
    | CASE value=expression whenClause+ (ELSE elseExpression=expression)? END                  #simpleCase
    | name=(CAST | TRY_CAST) LEFT_PAREN expression AS dataType RIGHT_PAREN                     #cast
    | primaryExpression DOUBLE_COLON dataType                                                  #castByColon
    | STRUCT LEFT_PAREN (argument+=namedExpression (COMMA argument+=namedExpression)*)? RIGHT_PAREN #struct
    | POSITION LEFT_PAREN substr=valueExpression IN str=valueExpression RIGHT_PAREN            #position
    | EXTRACT LEFT_PAREN field=identifier FROM source=valueExpression RIGHT_PAREN              #extract
    | (SUBSTR | SUBSTRING) LEFT_PAREN str=valueExpression FROM pos=valueExpression
        (FOR len=valueExpression)? RIGHT_PAREN                                                 #substring
    | TRIM LEFT_PAREN trimOption=(BOTH | LEADING | TRAILING)? (trimStr=valueExpression)?
        FROM srcStr=valueExpression RIGHT_PAREN                                                #trim
    | constant                                                                                 #constantDefault
    | ASTERISK                                                                                 #star
    | qualifiedName DOT ASTERISK                                                               #star
    | functionName LEFT_PAREN (setQuantifier? argument+=expression (COMMA argument+=expression)*)?
        RIGHT_PAREN                                                                            #functionCall
    | value=primaryExpression LEFT_BRACKET index=valueExpression RIGHT_BRACKET                 #subscript
    | identifier                                                                               #columnReference
    | base=primaryExpression DOT fieldName=identifier                                          #dereference
    | LEFT_PAREN expression RIGHT_PAREN                                                        #parenthesizedExpression
    ;

whenClause
    : WHEN condition=expression THEN result=expression
    ;

setQuantifier
    : DISTINCT
    | ALL
    ;

functionName
    : qualifiedName
    ;

constant
    : NULL                      #nullLiteral
    | interval                  #intervalLiteral
    | identifier stringLit      #typeConstructor
    | number                    #numericLiteral
    | booleanValue              #booleanLiteral
    | stringLit+                #stringLiteral
    ;

booleanValue
    : TRUE
    | FALSE
    ;

stringLit
    : STRING_LITERAL
    | DOUBLEQUOTED_STRING
    ;

number
    : MINUS? EXPONENT_VALUE      #exponentLiteral
    | MINUS? DECIMAL_VALUE       #decimalLiteral
    | MINUS? INTEGER_VALUE       #integerLiteral
    | MINUS? BIGINT_LITERAL      #bigIntLiteral
    | MINUS? SMALLINT_LITERAL    #smallIntLiteral
    | MINUS? TINYINT_LITERAL     #tinyIntLiteral
    | MINUS? DOUBLE_LITERAL      #doubleLiteral
    | MINUS? FLOAT_LITERAL       #floatLiteral
    | MINUS? BIGDECIMAL_LITERAL  #bigDecimalLiteral
    ;

interval
    : INTERVAL (multiUnitsInterval | unitToUnitInterval)
    ;

multiUnitsInterval
    : (values+=intervalValue units+=unitInMultiUnits)+
    ;

unitToUnitInterval
    : value=intervalValue from=unitInUnitToUnit TO to=unitInUnitToUnit
    ;

intervalValue
    : (PLUS | MINUS)? (INTEGER_VALUE | DECIMAL_VALUE | stringLit)
    ;

unitInMultiUnits
    : NANOSECOND | NANOSECONDS | MICROSECOND | MICROSECONDS | MILLISECOND | MILLISECONDS
    | SECOND | SECONDS | MINUTE | MINUTES | HOUR | HOURS | DAY | DAYS | WEEK | WEEKS
    | MONTH | MONTHS | YEAR | YEARS
    ;

unitInUnitToUnit
    : SECOND | MINUTE | HOUR | DAY | MONTH | YEAR
    ;

// ---- Data types ----

// Primitive type names are identifiers resolved by name in the AST builder, so that an unknown name gets
// UNSUPPORTED_DATATYPE rather than a syntax error, and names such as `date` stay ordinary identifiers elsewhere.
// The element types of ARRAY, MAP and STRUCT are optional here only to report INCOMPLETE_TYPE_DEFINITION.
dataType
    : ARRAY (LT dataType GT)?                                                   #arrayDataType
    | MAP (LT keyType=dataType COMMA valueType=dataType GT)?                    #mapDataType
    | structType                                                                #structDataType
    | INTERVAL from=unitInUnitToUnit (TO to=unitInUnitToUnit)?                  #intervalDataType
    | identifier (LEFT_PAREN INTEGER_VALUE (COMMA INTEGER_VALUE)* RIGHT_PAREN)?  #primitiveDataType
    ;

structType
    : STRUCT (LT complexColTypeList? GT | NEQ)?
    ;

complexColTypeList
    : complexColType (COMMA complexColType)*
    ;

complexColType
    : identifier COLON? dataType (NOT NULL)? commentSpec?
    ;

colTypeList
    : colType (COMMA colType)*
    ;

colType
    : colName=identifier dataType (NOT NULL)? commentSpec?
    ;

commentSpec
    : COMMENT stringLit
    ;

// ---- Names ----

multipartIdentifier
    : parts+=identifier (DOT parts+=identifier)*
    ;

qualifiedName
    : identifier (DOT identifier)*
    ;

identifier
    : IDENTIFIER
    | BACKQUOTED_IDENTIFIER
    | nonReserved
    ;

// Every keyword: none is reserved (Spark's behaviour unless spark.sql.ansi.enforceReservedKeywords is set).
nonReserved
    : ALL | AND | ANY | ARRAY | AS | BETWEEN | BOTH | CASE | CAST | COMMENT | CURRENT_DATE | CURRENT_TIMESTAMP
    | DAY | DAYS | DISTINCT | DIV | ELSE | END | ESCAPE | EXTRACT | FALSE | FOR | FROM | HOUR | HOURS | ILIKE
    | IN | INTERVAL | IS | LEADING | LIKE | MAP | MICROSECOND | MICROSECONDS | MILLISECOND | MILLISECONDS
    | MINUTE | MINUTES | MONTH | MONTHS | NANOSECOND | NANOSECONDS | NOT | NULL | OR | POSITION | RLIKE
    | SECOND | SECONDS | SOME | STRUCT | SUBSTR | SUBSTRING | THEN | TO | TRAILING | TRIM | TRUE | TRY_CAST
    | UNKNOWN | WEEK | WEEKS | WHEN | YEAR | YEARS
    ;
