/*
 * TEMPORARY. vscode-languageserver 10, vscode-languageclient 11 and the
 * packages below them publish their typings only through package.json
 * "exports", which the classic "node" module resolution in tsconfig.json does
 * not read. These declarations point the type checker at the same typings by
 * file path. Only types are affected: esbuild bundles the real modules through
 * "exports". Delete this file when tsconfig.json switches to
 * "module": "node16", "moduleResolution": "node16" (ambient declarations win
 * over resolution, and these deep paths are closed under node16).
 */
declare module 'vscode-jsonrpc' {
  export * from 'vscode-jsonrpc/lib/common/api';
}
declare module 'vscode-jsonrpc/node' {
  export * from 'vscode-jsonrpc/lib/node/main';
}
declare module 'vscode-languageserver-protocol' {
  export * from 'vscode-languageserver-protocol/lib/common/api';
}
declare module 'vscode-languageserver-protocol/node' {
  export * from 'vscode-languageserver-protocol/lib/node/main';
}
declare module 'vscode-languageserver' {
  export * from 'vscode-languageserver/lib/common/api';
}
declare module 'vscode-languageserver/node' {
  export * from 'vscode-languageserver/lib/node/main';
}
declare module 'vscode-languageclient' {
  export * from 'vscode-languageclient/lib/common/api';
}
declare module 'vscode-languageclient/node' {
  export * from 'vscode-languageclient/lib/node/main';
}
