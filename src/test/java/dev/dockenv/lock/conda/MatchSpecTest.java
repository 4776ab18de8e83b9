package dev.dockenv.lock.conda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockenv.errors.InputException;
import dev.dockenv.errors.SourceLocation;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MatchSpecTest {
    private static final Path FILE = Path.of("environment.yml");
    /** As if the spec were written after "  - " on line 7. */
    private static final SourceLocation AT = new SourceLocation(FILE, 7, 5);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
        numpy                                  | -                    | numpy        | -            | -
        numpy=1.26                             | -                    | numpy        | =1.26        | -
        numpy>=1.20,<2                         | -                    | numpy        | >=1.20,<2    | -
        conda-forge::numpy                     | conda-forge          | numpy        | -            | -
        numpy=1.26=py311h*                     | -                    | numpy        | =1.26        | py311h*
        python=3.11                            | -                    | python       | =3.11        | -
        pip                                    | -                    | pip          | -            | -
        numpy 1.26.* py311*                    | -                    | numpy        | 1.26.*       | py311*
        numpy >= 1.20                          | -                    | numpy        | >=1.20       | -
        conda-forge/linux-64::numpy==1.26.4    | conda-forge/linux-64 | numpy        | ==1.26.4     | -
        https://repo.example.org/forge::numpy  | https://repo.example.org/forge | numpy | -        | -
        numpy[version='>=1.20,<2']             | -                    | numpy        | >=1.20,<2    | -
        pytorch[build=*cuda*]                  | -                    | pytorch      | -            | *cuda*
        openssl=3.*                            | -                    | openssl      | =3.*         | -
        'r-base>=4.2|<4.0'                     | -                    | r-base       | '>=4.2|<4.0' | -
        __glibc>=2.17                          | -                    | __glibc      | >=2.17       | -
        python=3.11.*=*_cpython                | -                    | python       | =3.11.*      | *_cpython
        libblas=*=*openblas                    | -                    | libblas      | =*           | *openblas
        numpy # the array library              | -                    | numpy        | -            | -
        numpy=1!2.0+local.1                    | -                    | numpy        | =1!2.0+local.1 | -
        https://conda.anaconda.org/conda-forge/linux-64/numpy-1.26.4-py311h64a7726_0.conda | https://conda.anaconda.org/conda-forge/linux-64 | numpy | ==1.26.4 | py311h64a7726_0
        """)
    void readsWhatCondaReads(String text, String channel, String name, String version, String build) {
        MatchSpec spec = MatchSpec.parse(text, AT);

        assertThat(spec.channel()).isEqualTo(Optional.ofNullable(channel));
        assertThat(spec.name()).isEqualTo(name);
        assertThat(spec.version()).isEqualTo(Optional.ofNullable(version));
        assertThat(spec.build()).isEqualTo(Optional.ofNullable(build));
        assertThat(spec.text()).isEqualTo(text);
        assertThat(spec.location()).isEqualTo(AT);
    }

    /** The column is where the problem is on line 7 when the spec starts at column 5. */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
        '>=1.2'               | 5  | expected a package name, found '>'
        numpy==               | 12 | expected a version after '=='
        numpy>=1.2,,<2        | 16 | expected a version constraint, found ','
        numpy=1..2            | 13 | empty version component
        numpy=>1.2            | 10 | invalid operator '=>': did you mean '>='?
        numpy===1.2           | 10 | invalid operator '===': conda has '=='
        ::numpy               | 5  | expected a channel name before '::'
        conda-forge:numpy     | 16 | a single ':' here: write two to name a channel, as in conda-forge::numpy
        numpy*                | 10 | a package name cannot be a '*' pattern
        num$py                | 8  | invalid character '$' in package name 'num$py'
        numpy[version='>=1'   | 10 | [key=value, ...] must come last
        numpy(>=1)            | 10 | invalid character '(' in package name
        numpy>=1,(<2          | 17 | expected ')' to close '('
        numpy=1.2$            | 14 | invalid character '$' in version '1.2$'
        numpy=1.2-3_4         | 14 | a version cannot mix '-' and '_'
        numpy 1.26 py311 x    | 21 | unexpected blank in build string 'py311 x'
        numpy[flavour=fast]   | 11 | unknown key 'flavour' inside [...]
        numpy[version='=>1']  | 20 | invalid operator '=>'
        numpy-1.0.conda       | 5  | a package file is named name-version-build.conda
        '   '                 | 5  | the dependency is empty
        """)
    void rejectsMalformedSpecsAtTheColumnOfTheProblem(String text, int column, String message) {
        assertThatThrownBy(() -> MatchSpec.parse(text, AT))
                .isInstanceOfSatisfying(InputException.class, e -> {
                    assertThat(e.location()).isEqualTo(new SourceLocation(FILE, 7, column));
                    assertThat(e.problem()).contains(message);
                    assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).contains("conda-forge::numpy"));
                });
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
        =3.11            | 3.11
        3.11.*           | 3.11
        3.11*            | 3.11
        ==3.11.7         | 3.11.7
        =3.11.7          | 3.11.7
        3.12             | 3.12
        >=3.10,<3.12     | >=3.10,<3.12
        >=3.10           | >=3.10
        =3               | ==3.*
        >=3.9,!=3.10.*   | >=3.9,!=3.10.*
        >=3.10.*         | >=3.10
        *                | -
        =3.11a1          | ==3.11a1
        """)
    void turnsCondaPythonSpecsIntoWhatThePythonResolverReads(String conda, String expected) throws Exception {
        assertThat(CondaVersionSpec.toPython(conda)).isEqualTo(Optional.ofNullable(expected));
    }
}
