// Loaded with `node --import`: installs load-hooks.mjs, which writes the URL of every module this
// process loads to the file named by $CELERITY_LOAD_LOG (plain JS: runs under plain node, no tsx).
import { register } from "node:module";

register("./load-hooks.mjs", import.meta.url);
