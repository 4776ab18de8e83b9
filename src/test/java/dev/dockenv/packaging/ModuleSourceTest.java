package dev.dockenv.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ModuleSourceTest {
    @Test
    void keepsTheLastTopLevelLiteralAssignmentOfEachName() {
        ModuleSource m = ModuleSource.parse("""
                \"\"\"The shop.\"\"\"
                import os
                from ._version import __version__ as v
                from .meta import *
                __version__ = "0.1"
                __author__: str = 'Ada'
                VERSION = __title__ = ("shop", 1)
                computed = os.getcwd()
                later = "1"
                later = compute()
                if os.name == "nt":
                    __author__ = "someone else"
                def f():
                    x = 1
                """);
        assertThat(m.readable()).isTrue();
        assertThat(m.docstring()).contains("\"\"\"The shop.\"\"\"");
        assertThat(m.literals()).containsOnlyKeys("__version__", "VERSION", "__title__");
        assertThat(m.literals().get("__version__")).isEqualTo("__version__ = \"0.1\"");
        assertThat(m.literals().get("__title__")).isEqualTo("__title__ = (\"shop\", 1)");
        assertThat(m.fromImports()).hasSize(1); // renamed imports are not followed
        assertThat(m.fromImports().get(0).level()).isEqualTo(1);
        assertThat(m.fromImports().get(0).names()).containsExactly("*");
    }

    @Test
    void anUnterminatedStringMakesItUnreadable() {
        assertThat(ModuleSource.parse("x = 'open\n").readable()).isFalse();
    }
}
