// packages/react tests against React 18 through the `react18` and `react-dom18` aliases. React DOM
// declares React as a peer, and pnpm resolves a peer by name from the importer, where `react` is
// 19: React DOM 18 would then run on React 19 and crash. Here React DOM 18 depends on React 18.
module.exports = {
  hooks: {
    readPackage(pkg) {
      if (pkg.name === 'react-dom' && pkg.version.startsWith('18.')) {
        delete pkg.peerDependencies.react;
        pkg.dependencies = { ...pkg.dependencies, react: `^${pkg.version}` };
      }
      return pkg;
    },
  },
};
