import { SqlStatementSplitter } from './sql-statements';

/** Feeds the text in chunks of every size, so statement and comment boundaries fall everywhere. */
function split(text: string): string[][] {
  const results: string[][] = [];
  for (const size of [1, 2, 3, 7, 64, text.length]) {
    const splitter = new SqlStatementSplitter();
    const statements: string[] = [];
    for (let i = 0; i < text.length; i += size) statements.push(...splitter.push(text.slice(i, i + size)));
    statements.push(...splitter.end());
    results.push(statements);
  }
  return results;
}

describe('SqlStatementSplitter', () => {
  it('splits on semicolons outside quotes and comments, whatever the chunking', () => {
    const dump = [
      '-- MariaDB dump; with a semicolon',
      '/*!40101 SET NAMES utf8mb4 */;',
      '# hash comment; too',
      "CREATE TABLE `a;b` (`x` varchar(10) DEFAULT '--;' COMMENT \"it's; fine\");",
      "INSERT INTO `a;b` VALUES ('O\\'Brien; -- not a comment'),('back\\\\slash;'),('two''quotes;');",
      '/* plain comment; */',
      'SELECT 1',
    ].join('\n');
    const expected = [
      '/*!40101 SET NAMES utf8mb4 */',
      "CREATE TABLE `a;b` (`x` varchar(10) DEFAULT '--;' COMMENT \"it's; fine\")",
      "INSERT INTO `a;b` VALUES ('O\\'Brien; -- not a comment'),('back\\\\slash;'),('two''quotes;')",
      '/* plain comment; */\nSELECT 1',
    ];
    for (const statements of split(dump)) expect(statements).toEqual(expected);
  });

  it('drops statements that are only comments or blank', () => {
    for (const statements of split('-- a\n;\n/* b */;\n  ;\nSELECT 2;\n-- end')) expect(statements).toEqual(['SELECT 2']);
  });
});
