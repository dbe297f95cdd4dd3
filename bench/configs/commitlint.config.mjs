// commitlint, for bench/run.sh: the configuration it is usually run with. bench/run.sh copies
// this file beside the node_modules that hold @commitlint/config-conventional, because
// commitlint resolves `extends` from the configuration file's folder.
export default { extends: ['@commitlint/config-conventional'] };
