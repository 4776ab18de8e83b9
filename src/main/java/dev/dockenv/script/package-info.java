/**
 * PEP 723 inline script metadata: the {@code # /// script} comment block of a single-file Python
 * script ({@link InlineScriptReader}) and what dockenv reads from its TOML ({@link InlineScript}).
 */
package dev.dockenv.script;
