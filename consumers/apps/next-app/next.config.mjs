/** A static export, served by the test's own server next to a real collector. */
export default { output: 'export' };
