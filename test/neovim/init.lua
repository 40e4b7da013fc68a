-- The Neovim set-up the README documents, for Neovim 0.7 (Debian 12) and later.
-- NEUTRON_CONFIG_SERVER points at dist/server.js.
local server = os.getenv('NEUTRON_CONFIG_SERVER')

local client_id

-- One server for the whole deployment: it indexes every file of the folder.
local function attach(bufnr)
  if not client_id or not vim.lsp.get_client_by_id(client_id) then
    local root = vim.fn.getcwd()
    client_id = vim.lsp.start_client({
      name = 'neutron-config',
      cmd = { 'node', '--max-semi-space-size=2', '--v8-pool-size=1', server, '--stdio' },
      root_dir = root,
      workspace_folders = { { uri = vim.uri_from_fname(root), name = vim.fn.fnamemodify(root, ':t') } },
      settings = { neutronConfig = { release = '' } },
    })
  end
  vim.lsp.buf_attach_client(bufnr, client_id)
end

vim.api.nvim_create_autocmd('BufReadPost', {
  pattern = { 'ml2_conf.ini', 'plugin.ini', 'openvswitch_agent.ini', 'l3_agent.ini', 'ifcfg-*', '*.nmconnection', '*/os-net-config/config.yaml', '*/os-net-config/config.json' },
  callback = function(args) attach(args.buf) end,
})
