/**
 * The import rules of ARCHITECTURE.md, checked by `npm run lint`: no cycles, and imports run one way, from a layer
 * to the layers below it (or within its own layer). A layer is a list of folders; the list runs bottom to top.
 */
const LAYERS = [
  ['src/protocol', 'src/format', 'src/project-root\\.ts'],
  ['src/data'],
  ['src/search'],
  ['src/charts'],
  ['src/views', 'src/export'],
  ['src/questions'],
  ['src/core', 'commands'],
  ['src/delivery', 'src/config'],
  ['src/discord', 'src/http', 'src/console'],
  ['src/main\\.ts'],
];

const pattern = (folders) => `^(${folders.join('|')})(/|$)`;

const upwardRules = LAYERS.slice(0, -1).map((layer, index) => ({
  name: `no-upward-from-${layer[0].replace(/^src\//, '').replace(/\W.*$/, '')}`,
  comment: `${layer.join(', ')} may import only its own layer and those below it (ARCHITECTURE.md, "Layers").`,
  severity: 'error',
  from: { path: pattern(layer) },
  to: { path: pattern(LAYERS.slice(index + 1).flat()) },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'An import cycle makes load order matter and hides which module owns a fact.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    ...upwardRules,
    {
      name: 'protocol-imports-nothing-of-the-project',
      comment: 'src/protocol (Reply, limits, guard, button codec) is the bottom layer every other layer may use.',
      severity: 'error',
      from: { path: '^src/protocol/' },
      to: { path: '^(src|commands)/', pathNot: '^src/protocol/' },
    },
    {
      name: 'format-imports-nothing-of-the-project',
      severity: 'error',
      from: { path: '^src/format/' },
      to: { path: '^(src|commands)/', pathNot: '^src/format/' },
    },
    {
      name: 'charts-stand-alone',
      comment: 'Charts draw specs; they know nothing of the dataset, the search or replies.',
      severity: 'error',
      from: { path: '^src/charts/' },
      to: { path: '^(src|commands)/', pathNot: '^src/(charts/|format/|project-root\\.ts$)' },
    },
    {
      name: 'views-are-pure',
      comment: 'Views return chart specs (types only); rendering PNGs happens in core (src/core/render-chart.ts).',
      severity: 'error',
      from: { path: '^src/views/' },
      to: { path: '^src/charts/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'adapters-stay-apart',
      comment: 'The gateway, HTTP and console adapters share code through core and delivery, never through each other.',
      severity: 'error',
      from: { path: '^src/(discord|http|console)/' },
      to: { path: '^src/(discord|http|console)/', pathNot: '^src/$1/' },
    },
    {
      name: 'discord-js-only-in-src-discord',
      comment: 'The core never loads discord.js; the HTTP and console paths run without it.',
      severity: 'error',
      from: { path: '^(src|commands)/', pathNot: '^src/discord/' },
      to: { path: '^node_modules/(discord\\.js|@discordjs/(ws|rest|builders))/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
    exclude: { path: '^(dist|coverage)/' },
  },
};
