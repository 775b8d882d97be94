// The block's editor, in plain JavaScript (no JSX, no build): a field for the session's slug.
// Saved as a comment with its attribute only; the page is rendered by PHP (spotbook.php).
((blocks, element, blockEditor, components, i18n) => {
  var el = element.createElement;
  var __ = i18n.__;
  blocks.registerBlockType("spotbook/session", {
    edit: (props) =>
      el(
        "div",
        blockEditor.useBlockProps(),
        el(components.TextControl, {
          label: __("Spotbook session (its slug, as in …/s/fall-minis)", "spotbook"),
          value: props.attributes.session,
          onChange: (value) => {
            props.setAttributes({ session: value.trim() });
          },
        }),
      ),
    save: () => null,
  });
})(window.wp.blocks, window.wp.element, window.wp.blockEditor, window.wp.components, window.wp.i18n);
