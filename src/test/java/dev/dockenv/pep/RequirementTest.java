package dev.dockenv.pep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequirementTest {

    /** The test list at the end of PEP 508, with the canonical form each must print as. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "A | A",
        "A.B-C_D | A.B-C_D",
        "aa | aa",
        "name | name",
        "name<=1 | name<=1",
        "name>=3 | name>=3",
        "name>=3,<2 | name>=3,<2",
        "name@http://foo.com | name @ http://foo.com",
        "name [fred,bar] @ http://foo.com ; python_version=='2.7' | name[bar,fred] @ http://foo.com ; python_version == \"2.7\"",
        "name[quux, strange];python_version<'2.7' and platform_version=='2' | name[quux,strange]; python_version < \"2.7\" and platform_version == \"2\"",
        "name; os_name=='a' or os_name=='b' | name; os_name == \"a\" or os_name == \"b\"",
        "name; os_name=='a' and os_name=='b' or os_name=='c' | name; os_name == \"a\" and os_name == \"b\" or os_name == \"c\"",
        "name; os_name=='a' and (os_name=='b' or os_name=='c') | name; os_name == \"a\" and (os_name == \"b\" or os_name == \"c\")",
        "name; os_name=='a' or os_name=='b' and os_name=='c' | name; os_name == \"a\" or os_name == \"b\" and os_name == \"c\"",
        "name; (os_name=='a' or os_name=='b') and os_name=='c' | name; (os_name == \"a\" or os_name == \"b\") and os_name == \"c\"",
        // more forms seen in the wild
        "requests[security,socks] >= 2.8.1, == 2.8.* ; python_version < \"2.7\" | requests[security,socks]>=2.8.1,==2.8.*; python_version < \"2.7\"",
        "name (>=1.0, <2) | name>=1.0,<2",
        "name[] | name",
        "Django~=4.2.0 | Django~=4.2.0",
        "torch==2.1.0+cpu | torch==2.1.0+cpu",
        "pip @ https://github.com/pypa/pip/archive/22.0.2.zip | pip @ https://github.com/pypa/pip/archive/22.0.2.zip",
        "name>=1.0;python_version>='3' | name>=1.0; python_version >= \"3\"",
        "name ; extra == 'test' | name; extra == \"test\"",
    })
    void parsesPep508Examples(String text, String canonical) throws Exception {
        Requirement r = Requirement.parse(text);
        assertThat(r).hasToString(canonical);
        assertThat(r.text()).isEqualTo(text);
        assertThat(Requirement.parse(canonical)).hasToString(canonical);
    }

    @Test
    void exposesTheParts() throws Exception {
        Requirement r = Requirement.parse("Foo.Bar[Socks, security_Extra] >=1.0 ; sys_platform == 'linux'");
        assertThat(r.name()).isEqualTo("Foo.Bar");
        assertThat(r.normalizedName()).isEqualTo("foo-bar");
        assertThat(r.extras()).containsExactly("security-extra", "socks");
        assertThat(r.specifiers()).hasToString(">=1.0");
        assertThat(r.url()).isEmpty();
        assertThat(r.marker()).isPresent();
        assertThat(r.appliesTo(MarkerEnvironment.forLinux("3.11.7"))).isTrue();
        assertThat(r.appliesTo(MarkerEnvironment.forLinux("3.11.7").withExtra("x"))).isTrue();
    }

    @Test
    void urlRequirementsHaveNoSpecifiers() throws Exception {
        Requirement r = Requirement.parse("name [fred,bar] @ http://foo.com ; python_version=='2.7'");
        assertThat(r.url()).contains("http://foo.com");
        assertThat(r.specifiers().isEmpty()).isTrue();
        assertThat(r.extras()).containsExactly("bar", "fred");
        assertThat(r.appliesTo(MarkerEnvironment.forLinux("3.11.7"))).isFalse();
    }

    @Test
    void aSemicolonGluedToAUrlIsPartOfTheUrl() throws Exception {
        Requirement r = Requirement.parse("name @ https://example.com/x.whl;python_version=='2.7'");
        assertThat(r.url()).contains("https://example.com/x.whl;python_version=='2.7'");
        assertThat(r.marker()).isEmpty();
    }

    /** Malformed requirements: the column must point at the problem. */
    @ParameterizedTest(name = "''{0}'' fails at column {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "``                            | 1  | expected a package name, found end of text",
        ">=1.0                         | 1  | expected a package name, found '>=1.0'",
        "-name                         | 1  | invalid name '-name'",
        "name-                         | 1  | invalid name 'name-'",
        "name>=                        | 7  | expected a version after '>='",
        "name >=                       | 8  | expected a version after '>='",
        "name=1.0                      | 5  | invalid operator '=': use '=='",
        "name=>1.0                     | 5  | did you mean '>='?",
        "name 1.0                      | 6  | expected a version specifier (such as '>=1.0'), '[', '@', ';' or the end of the requirement, found '1.0'",
        "name>=1.0,                    | 11 | expected a version specifier after ','",
        "name>=1.0 <2                  | 11 | expected ',', ';' or the end of the requirement, found '<2'",
        "name>=1.0a1.x                 | 13 | invalid version '1.0a1.x': unexpected 'x'",
        "name~=1                       | 7  | '~=' needs a version with at least two numbers",
        "name<1.0+local                | 9  | local version (+local) is only allowed with '==' and '!='",
        "name>=1.*                     | 8  | '.*' wildcard is only allowed with '==' and '!='",
        "name[fred,]                   | 11 | expected an extra name after ',', found ']'",
        "name[fred                     | 10 | expected ',' or ']' to close the extras opened at column 5, found end of text",
        "name[fred bar]                | 11 | expected ',' or ']'",
        "name[-fred]                   | 6  | invalid name '-fred'",
        "name @                        | 7  | expected a URL after '@'",
        "name @ foo                    | 8  | invalid URL 'foo': it needs a scheme",
        "name @ http://foo.com bar     | 23 | expected ';' or the end after the URL, found 'bar'",
        "name (>=1.0                   | 12 | expected ',' or ')' to close the '(' at column 6, found end of text",
        "name;                         | 6  | expected a marker after ';'",
        "name; python_versio=='2.7'    | 7  | unknown marker variable 'python_versio' (did you mean 'python_version'?)",
        "name; python_version = '2.7'  | 22 | invalid operator '=': use '=='",
        "name; python_version '2.7'    | 22 | expected a comparison operator",
        "name; python_version == 2.7   | 25 | expected a marker variable or a quoted string after '=='",
        "name; python_version == '2.7  | 25 | unterminated string: no closing '",
        "name; os_name == 'a' xor      | 22 | expected 'and', 'or' or the end of the marker, found 'xor'",
        "name; os_name == 'a' and      | 25 | expected a marker expression",
        "name; (os_name == 'a'         | 22 | expected ')' to close the '(' at column 7, found end of text",
        "name; ()                      | 8  | expected a marker expression after '('",
        "name; os_name not 'a'         | 15 | expected 'not in'",
    })
    void rejectsMalformedRequirements(String text, int column, String message) {
        assertThatThrownBy(() -> Requirement.parse(text))
                .isInstanceOf(PepSyntaxException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((PepSyntaxException) e).column()).isEqualTo(column));
    }

    @Test
    void emptyParenthesesAreAnEmptySpecifierSet() throws Exception {
        assertThat(Requirement.parse("name ()").specifiers().isEmpty()).isTrue();
        assertThatThrownBy(() -> Requirement.parse("name ()x"))
                .isInstanceOf(PepSyntaxException.class)
                .satisfies(e -> assertThat(((PepSyntaxException) e).column()).isEqualTo(8));
    }
}
