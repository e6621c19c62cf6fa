/** The diagram's shared SVG definitions: the hatching that marks peeked bytes. */
export function DiagramDefs() {
  return (
    <defs>
      <pattern
        id="peek-hatch"
        width="6"
        height="6"
        patternUnits="userSpaceOnUse"
        patternTransform="rotate(45)"
      >
        <line x1="0" y1="0" x2="0" y2="6" className="hatch" />
      </pattern>
    </defs>
  );
}
