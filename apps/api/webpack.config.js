const { composePlugins, withNx } = require('@nx/webpack');

// Node bundle of the API; node_modules stay external and come from package.json at run time.
module.exports = composePlugins(withNx({ target: 'node' }), (config) => {
  config.devtool = 'source-map';
  config.output = { ...config.output, devtoolModuleFilenameTemplate: '[absolute-resource-path]' };
  return config;
});
