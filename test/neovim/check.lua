-- Runs inside headless Neovim on compute-0's openvswitch_agent.ini of examples/
-- and writes what the user would see to NEUTRON_CONFIG_RESULT.
local lines = {}
local function add(s) table.insert(lines, s) end

local got = vim.wait(20000, function() return #vim.diagnostic.get(0) > 0 end, 50)
add('diagnostics_arrived=' .. tostring(got))
for _, d in ipairs(vim.diagnostic.get(0)) do
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
  add(string.format('diagnostic %d:%d-%d:%d %s', d.lnum, d.col, d.end_lnum, d.end_col, tostring(code)))
end

local row = vim.fn.search('^bridge_mappings') - 1
local doc = vim.lsp.util.make_text_document_params()
local hover = vim.lsp.buf_request_sync(0, 'textDocument/hover', { textDocument = doc, position = { line = row, character = 3 } }, 5000)
for _, r in pairs(hover or {}) do
  if r.result then add('hover_first_line=' .. vim.split(r.result.contents.value, '\n')[1]) end
end
local col = #('bridge_mappings = physnet1:')
local completion = vim.lsp.buf_request_sync(0, 'textDocument/completion', { textDocument = doc, position = { line = row, character = col } }, 5000)
for _, r in pairs(completion or {}) do
  local items = r.result and (r.result.items or r.result) or {}
  for _, item in ipairs(items) do add('completion ' .. item.label) end
end
vim.fn.writefile(lines, os.getenv('NEUTRON_CONFIG_RESULT'))
vim.cmd('qa!')
