/**
 * Edits the user's own dependency files ({@code dockenv add}, {@code dockenv remove}): one
 * requirement added, replaced or removed with the rest of the file left byte for byte as it was
 * (comments, order, quoting, indentation), the result re-read and checked before it is written.
 * Pure text in, text out: nothing here touches the file system.
 */
package dev.dockenv.edit;
