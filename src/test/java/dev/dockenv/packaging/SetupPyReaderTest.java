package dev.dockenv.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** setup.py read without running it: literals are known, anything computed is not. */
class SetupPyReaderTest {
    private static final Path FILE = Path.of("setup.py");

    @Test
    void literalKeywordsAreKnownAndComputedOnesAreNot() {
        SetupPy s = SetupPyReader.read(FILE, """
                import os
                from setuptools import setup, find_packages

                here = os.path.abspath(os.path.dirname(__file__))
                with open(os.path.join(here, "README.md"), encoding="utf-8") as f:
                    long_description = f.read()

                setup(
                    name='shop-app',  # a comment (with a paren
                    version="1." "2",
                    install_requires=[
                        "requests>=2",
                        'rich; python_version >= "3.8"',
                    ],
                    extras_require={"pg": ["psycopg>=3"], 'test': 'pytest\\nhypothesis'},
                    packages=find_packages(exclude=("tests",)),
                    long_description=long_description,
                    entry_points={"console_scripts": ["shop = shop.cli:main"]},
                    zip_safe=False,
                    python_requires=">=3.9",
                )
                """);
        assertThat(s.unreadable()).isEmpty();
        assertThat(s.setupCall().orElseThrow().line()).isEqualTo(8);
        assertThat(s.string("name")).contains("shop-app");
        assertThat(s.string("version")).contains("1.2");
        assertThat(s.literal("install_requires")).contains(List.of("requests>=2", "rich; python_version >= \"3.8\""));
        assertThat(s.knows("install_requires")).isTrue();
        assertThat(s.knows("packages")).isFalse();
        assertThat(s.whyUnknown("packages").line()).isEqualTo(16);
        assertThat(s.knows("setup_requires")).isTrue(); // not written, and no **kwargs
        assertThat(((Map<?, ?>) s.literal("extras_require").orElseThrow()).get("test")).isEqualTo("pytest\nhypothesis");
        assertThat(s.literal("zip_safe")).contains(Boolean.FALSE);
        assertThat(s.pathReferences()).extracting(SetupPy.PathReference::path).contains("README.md", "utf-8");
    }

    @Test
    void kwargsMakeUnwrittenKeywordsUnknown() {
        SetupPy s = SetupPyReader.read(FILE, "import setuptools\nkw = {}\nsetuptools.setup(name='x', **kw)\n");
        assertThat(s.passesKwargs()).isTrue();
        assertThat(s.knows("install_requires")).isFalse();
        assertThat(s.string("name")).contains("x");
    }

    @Test
    void aScriptWithoutASetupCallKnowsNothing() {
        SetupPy s = SetupPyReader.read(FILE, "def setup(**kw):\n    pass\nimport other\nother.run()\n");
        assertThat(s.setupCall()).isEmpty();
        assertThat(s.knows("install_requires")).isFalse();
    }

    @Test
    void importsWithTheNamesReadFromThem() {
        SetupPy s = SetupPyReader.read(FILE, """
                import sys, shop.version as v
                from shop import __version__, __author__ as author
                from . import local
                try: import mylib
                except ImportError: mylib = None
                setup(version=v.VERSION, author=mylib.AUTHOR, description=mylib.describe())
                """);
        assertThat(s.imports()).extracting(SetupPy.Import::module).containsExactly("sys", "shop.version", "shop", "mylib");
        assertThat(s.imports().get(1).names()).containsExactly("VERSION");
        assertThat(s.imports().get(2).names()).containsExactlyInAnyOrder("__version__", "__author__");
        assertThat(s.imports().get(3).names()).containsExactlyInAnyOrder("AUTHOR", "describe");
    }

    @Test
    void literalsJoinedAsAPathAreReferences() {
        SetupPy s = SetupPyReader.read(FILE, """
                from pathlib import Path
                v = open(os.path.join(here, "src", "shop", "_version.py")).read()
                r = (Path(__file__).parent / "docs" / "intro.md").read_text()
                setup()
                """);
        assertThat(s.pathReferences()).extracting(SetupPy.PathReference::path)
                .contains("src/shop/_version.py", "docs/intro.md");
    }

    @Test
    void anUnreadableScriptSaysWhere() {
        SetupPy s = SetupPyReader.read(FILE, "setup(name='x',\n  version='1)\n");
        assertThat(s.unreadable().orElseThrow().line()).isEqualTo(2);
        assertThat(s.knows("name")).isFalse();
    }

    @Test
    void fStringsAndBytesAreNotLiterals() {
        SetupPy s = SetupPyReader.read(FILE, "setup(name=f'x{1}', version=b'1', description='''multi\nline''')\n");
        assertThat(s.knows("name")).isFalse();
        assertThat(s.knows("version")).isFalse();
        assertThat(s.string("description")).contains("multi\nline");
    }
}
