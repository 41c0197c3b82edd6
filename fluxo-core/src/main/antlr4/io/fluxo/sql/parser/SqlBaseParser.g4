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

singleStatement
    : statement SEMICOLON* EOF
    ;

singleQuery
    : query EOF
    ;

// A pipeline file: statements separated by semicolons.
statements
    : SEMICOLON* (statement (SEMICOLON+ statement)* SEMICOLON*)? EOF
    ;

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

// ---- Statements ----

statement
    : query                                                                                 #statementDefault
    | CREATE (OR REPLACE)? GLOBAL? (TEMP | TEMPORARY) VIEW (IF NOT EXISTS)? name=multipartIdentifier
        (USING source=multipartIdentifier (OPTIONS options=propertyList)?)? (AS? query)?    #createTempView
    | CREATE TABLE (IF NOT EXISTS)? name=multipartIdentifier (LEFT_PAREN colTypeList RIGHT_PAREN)?
        USING source=multipartIdentifier tableClauses                                       #createTable
    | INSERT (INTO | OVERWRITE) TABLE? multipartIdentifier query                             #insertInto
    | DROP VIEW (IF EXISTS)? multipartIdentifier                                            #dropView
    | DROP TABLE (IF EXISTS)? multipartIdentifier                                           #dropTable
    | SHOW TABLES                                                                           #showTables
    | SHOW FUNCTIONS (LIKE? pattern=stringLit)?                                             #showFunctions
    | (DESC | DESCRIBE) TABLE? multipartIdentifier                                          #describeTable
    | EXPLAIN EXTENDED? statement                                                           #explain
    | SET setKey=propertyKey? (EQ (~SEMICOLON)*)?                                            #setConfiguration
    ;

tableClauses
    : ((OPTIONS options=propertyList) | (PARTITIONED BY partitionColumns=identifierList)
        | (LOCATION location=stringLit))*
    ;

propertyList
    : LEFT_PAREN property (COMMA property)* RIGHT_PAREN
    ;

property
    : key=propertyKey (EQ? value=propertyValue)?
    ;

propertyKey
    : identifier (DOT identifier)*
    | stringLit
    ;

propertyValue
    : INTEGER_VALUE
    | DECIMAL_VALUE
    | booleanValue
    | stringLit
    ;

// ---- Queries ----

query
    : ctes? queryTerm queryOrganization
    ;

ctes
    : WITH namedQuery (COMMA namedQuery)*
    ;

namedQuery
    : name=identifier columnAliases=identifierList? AS? LEFT_PAREN query RIGHT_PAREN
    ;

queryOrganization
    : (ORDER BY order+=sortItem (COMMA order+=sortItem)*)?
      (LIMIT (ALL | limit=expression))?
      (OFFSET offset=expression)?
    ;

sortItem
    : expression ordering=(ASC | DESC)? (NULLS nullOrder=(LAST | FIRST))?
    ;

// INTERSECT binds tighter than UNION and EXCEPT, as in Spark.
queryTerm
    : queryPrimary                                                                             #queryTermDefault
    | left=queryTerm operator=INTERSECT setQuantifier? right=queryTerm                         #setOperation
    | left=queryTerm operator=(UNION | EXCEPT | SETMINUS) setQuantifier? right=queryTerm       #setOperation
    ;

queryPrimary
    : querySpecification                                                       #queryPrimaryDefault
    | TABLE multipartIdentifier                                                #table
    | inlineTable                                                              #inlineTableDefault1
    | LEFT_PAREN query RIGHT_PAREN                                             #subquery
    ;

querySpecification
    : SELECT setQuantifier? namedExpressionSeq fromClause? whereClause? aggregationClause? havingClause?
    ;

namedExpressionSeq
    : namedExpression (COMMA namedExpression)*
    ;

fromClause
    : FROM relation (COMMA relation)*
    ;

whereClause
    : WHERE booleanExpression
    ;

aggregationClause
    : GROUP BY groupByClause (COMMA groupByClause)*
    ;

// ROLLUP(a, b) and CUBE(a, b) read as grouping analytics before they could be function calls, as in Spark.
groupByClause
    : groupingAnalytics
    | expression
    ;

groupingAnalytics
    : (ROLLUP | CUBE) LEFT_PAREN groupingSet (COMMA groupingSet)* RIGHT_PAREN
    | GROUPING SETS LEFT_PAREN groupingElement (COMMA groupingElement)* RIGHT_PAREN
    ;

groupingElement
    : groupingAnalytics
    | groupingSet
    ;

groupingSet
    : LEFT_PAREN (expression (COMMA expression)*)? RIGHT_PAREN
    | expression
    ;

havingClause
    : HAVING booleanExpression
    ;

relation
    : relationPrimary joinRelation*
    ;

joinRelation
    : joinType JOIN right=relationPrimary joinCriteria?
    | NATURAL joinType JOIN right=relationPrimary
    ;

joinType
    : INNER?
    | CROSS
    | LEFT OUTER?
    | LEFT? SEMI
    | RIGHT OUTER?
    | FULL OUTER?
    | LEFT? ANTI
    ;

joinCriteria
    : ON booleanExpression
    | USING identifierList
    ;

identifierList
    : LEFT_PAREN identifier (COMMA identifier)* RIGHT_PAREN
    ;

// A table may carry a watermark, as in Databricks SQL: FROM events WATERMARK ts DELAY OF INTERVAL 10 MINUTES.
relationPrimary
    : STREAM? multipartIdentifier (watermarkClause tableAlias | tableAlias watermarkClause?)  #tableName
    | STREAM LEFT_PAREN multipartIdentifier RIGHT_PAREN
        (watermarkClause tableAlias | tableAlias watermarkClause?)                           #streamTableName
    | LEFT_PAREN query RIGHT_PAREN (watermarkClause tableAlias | tableAlias watermarkClause?) #aliasedQuery
    | LEFT_PAREN relation RIGHT_PAREN tableAlias                                             #aliasedRelation
    | inlineTable                                                                            #inlineTableDefault2
    | STREAM? functionName LEFT_PAREN (functionTableArgument (COMMA functionTableArgument)*)? RIGHT_PAREN
        (watermarkClause tableAlias | tableAlias watermarkClause?)                           #tableValuedFunction
    ;

functionTableArgument
    : (name=identifier FAT_ARROW)? expression
    ;

watermarkClause
    : WATERMARK column=identifier DELAY OF delay=interval
    ;

inlineTable
    : VALUES expression (COMMA expression)* tableAlias
    ;

tableAlias
    : (AS? strictIdentifier identifierList?)?
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
    | NOT? kind=IN LEFT_PAREN query RIGHT_PAREN
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
    | EXISTS LEFT_PAREN query RIGHT_PAREN                                                      #exists
    | LEFT_PAREN query RIGHT_PAREN                                                             #subqueryExpression
    | constant                                                                                 #constantDefault
    | ASTERISK                                                                                 #star
    | qualifiedName DOT ASTERISK                                                               #star
    | functionName LEFT_PAREN (setQuantifier? argument+=expression (COMMA argument+=expression)*)?
        RIGHT_PAREN (OVER windowSpec)?                                                         #functionCall
    | value=primaryExpression LEFT_BRACKET index=valueExpression RIGHT_BRACKET                 #subscript
    | identifier                                                                               #columnReference
    | base=primaryExpression DOT fieldName=identifier                                          #dereference
    | LEFT_PAREN namedExpression (COMMA namedExpression)+ RIGHT_PAREN                          #rowConstructor
    | LEFT_PAREN expression RIGHT_PAREN                                                        #parenthesizedExpression
    ;

whenClause
    : WHEN condition=expression THEN result=expression
    ;

windowSpec
    : LEFT_PAREN (PARTITION BY partition+=expression (COMMA partition+=expression)*)?
      (ORDER BY sortItem (COMMA sortItem)*)? windowFrame? RIGHT_PAREN
    ;

windowFrame
    : frameType=(ROWS | RANGE) BETWEEN start=frameBound AND end=frameBound
    | frameType=(ROWS | RANGE) start=frameBound
    ;

frameBound
    : UNBOUNDED boundType=(PRECEDING | FOLLOWING)
    | CURRENT ROW
    | expression boundType=(PRECEDING | FOLLOWING)
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
    : strictIdentifier
    | strictNonReserved
    ;

// Names that may follow a table as its alias: not the words that continue a FROM clause (JOIN, ON, UNION, ...).
strictIdentifier
    : IDENTIFIER
    | BACKQUOTED_IDENTIFIER
    | nonReserved
    ;

strictNonReserved
    : ANTI | CROSS | EXCEPT | FULL | INNER | INTERSECT | JOIN | LEFT | NATURAL | ON | RIGHT | SEMI | SETMINUS
    | UNION | USING | WATERMARK
    ;

// Every other keyword: none is reserved (Spark's behaviour unless spark.sql.ansi.enforceReservedKeywords is set).
nonReserved
    : ALL | AND | ANY | ARRAY | AS | ASC | BETWEEN | BOTH | BY | CASE | CAST | COMMENT | CREATE | CURRENT_DATE
    | CUBE | CURRENT | CURRENT_TIMESTAMP | DAY | DAYS | DELAY | DESC | DESCRIBE | DISTINCT | DIV | DROP | ELSE | END | ESCAPE
    | EXISTS | EXPLAIN | EXTENDED | EXTRACT | FALSE | FIRST | FOLLOWING | FOR | FROM | FUNCTIONS | GLOBAL | GROUP | GROUPING | HAVING
    | HOUR | HOURS | IF | ILIKE | IN | INSERT | INTERVAL | INTO | IS | LAST | LEADING | LIKE | LIMIT | LOCATION | MAP
    | MICROSECOND | MICROSECONDS | MILLISECOND | MILLISECONDS | MINUTE | MINUTES | MONTH | MONTHS | NANOSECOND
    | NANOSECONDS | NOT | NULL | NULLS | OF | OFFSET | OPTIONS | OR | ORDER | OUTER | OVER | OVERWRITE | PARTITION
    | PARTITIONED | PRECEDING | RANGE | ROW | ROWS | UNBOUNDED
    | POSITION | REPLACE | RLIKE | ROLLUP | SECOND | SECONDS | SELECT | SET | SETS | SHOW | SOME | STREAM | STRUCT | SUBSTR
    | SUBSTRING | TABLE | TABLES | TEMP | TEMPORARY | THEN | TO | TRAILING | TRIM | TRUE | TRY_CAST | UNKNOWN
    | VALUES | VIEW | WEEK | WEEKS | WHEN | WHERE | WITH | YEAR | YEARS
    ;
