import type { OptionSpec } from '../model';
import { ListType, StringType } from '../valueTypes';

/**
 * The logging options every Neutron service reads from `[DEFAULT]` (oslo.log,
 * and before Kilo the copy of it inside Neutron). Each sample file of the
 * three kinds lists them, so they are legitimate in every file.
 */
const ALL = ['ml2', 'ovs-agent', 'l3-agent', 'linuxbridge-agent', 'sriov-agent', 'dhcp-agent', 'neutron-conf'] as const;

const LEVELS = ['CRITICAL', 'ERROR', 'WARNING', 'INFO', 'DEBUG'];

const logLevelList = new ListType(
  new StringType({ what: 'logger=LEVEL', example: 'sqlalchemy=WARN' }),
  { what: 'logger=LEVEL entries', example: 'amqp=WARN,oslo.messaging=INFO' },
);

export const OSLO_LOG_OPTIONS: OptionSpec[] = [
  {
    section: 'DEFAULT',
    name: 'debug',
    kinds: ALL,
    doc: {
      summary: 'Logs at DEBUG level instead of the default INFO.',
      details: 'Very verbose; useful while diagnosing port binding or flow problems, because some causes (a physnet the agent does not map, for one) are logged only at DEBUG.',
      example: 'true',
    },
  },
  {
    section: 'DEFAULT',
    name: 'verbose',
    kinds: ALL,
    facts: { osloType: 'boolean value', default: true },
    doc: {
      summary: 'Logged at INFO level instead of WARNING, in old releases.',
      details: 'INFO became the default level, so the option had nothing left to do.',
      whenWrong: 'Ignored by the releases that dropped it; remove the line.',
    },
    history: { deprecated: 'liberty', removed: 'ocata', replacement: { note: 'INFO is the default level; use debug = true for more.' } },
  },
  {
    section: 'DEFAULT',
    name: 'log_config_append',
    kinds: ALL,
    doc: {
      summary: 'Path of a Python logging configuration file that takes over all logging settings.',
      details: 'When it is set, the other logging options of this section (log_file, use_syslog, formats …) are not used; the file decides handlers, formats and levels.',
      example: '/etc/neutron/logging.conf',
      whenWrong: 'A missing or malformed file stops the service at start-up.',
    },
  },
  {
    section: 'DEFAULT',
    name: 'log_format',
    kinds: ALL,
    facts: { osloType: 'string value', default: null },
    doc: {
      summary: 'An old way to set the format of log lines.',
      whenWrong: 'Releases that dropped it ignore it.',
    },
    history: { removed: 'mitaka', replacement: { section: 'DEFAULT', name: 'logging_context_format_string', note: 'Set logging_context_format_string and logging_default_format_string, or use a logging configuration file (log_config_append).' } },
  },
  {
    section: 'DEFAULT',
    name: 'log_date_format',
    kinds: ALL,
    doc: {
      summary: 'strftime format of the %(asctime)s time stamp in log lines.',
      example: '%Y-%m-%d %H:%M:%S',
    },
  },
  {
    section: 'DEFAULT',
    name: 'log_file',
    kinds: ALL,
    doc: {
      summary: 'File the service logs to; relative paths are taken under log_dir.',
      details: 'Unset, the service logs to standard error (and so to the journal under systemd). Packagers usually pass --log-file on the command line instead.',
      example: '/var/log/neutron/openvswitch-agent.log',
      whenWrong: 'A path the service cannot write makes it fail at start-up.',
    },
  },
  {
    section: 'DEFAULT',
    name: 'log_dir',
    kinds: ALL,
    doc: {
      summary: 'Directory in which log_file is created when log_file is a relative path.',
      example: '/var/log/neutron',
    },
  },
  {
    section: 'DEFAULT',
    name: 'watch_log_file',
    kinds: ALL,
    doc: {
      summary: 'Reopens the log file when something else (logrotate) moves or deletes it.',
      details: 'Only works on Linux and only when log_file is set.',
    },
    history: { added: 'mitaka', deprecated: '2024.2', removed: '2026.1', replacement: { note: 'Rotate with copytruncate, or send the logs to the journal or syslog.' } },
  },
  {
    section: 'DEFAULT',
    name: 'use_syslog',
    kinds: ALL,
    doc: { summary: 'Sends log records to syslog as well.', details: 'The facility is syslog_log_facility.' },
  },
  {
    section: 'DEFAULT',
    name: 'use_journal',
    kinds: ALL,
    doc: { summary: 'Sends log records to the systemd journal with structured fields.' },
    history: { added: 'pike' },
  },
  {
    section: 'DEFAULT',
    name: 'syslog_log_facility',
    kinds: ALL,
    type: new StringType({
      choices: ['LOG_USER', 'LOG_DAEMON', 'LOG_LOCAL0', 'LOG_LOCAL1', 'LOG_LOCAL2', 'LOG_LOCAL3', 'LOG_LOCAL4', 'LOG_LOCAL5', 'LOG_LOCAL6', 'LOG_LOCAL7', 'LOG_SYSLOG', 'LOG_AUTH', 'LOG_KERN', 'LOG_MAIL', 'LOG_LPR', 'LOG_NEWS', 'LOG_UUCP', 'LOG_CRON', 'LOG_AUTHPRIV', 'LOG_FTP'].map((value) => ({ value })),
      choiceMode: 'open',
    }),
    doc: {
      summary: 'Syslog facility used when use_syslog is on.',
      example: 'LOG_LOCAL0',
      whenWrong: 'An unknown facility name stops the service when it sets up syslog logging.',
    },
  },
  {
    section: 'DEFAULT',
    name: 'use_syslog_rfc_format',
    kinds: ALL,
    facts: { osloType: 'boolean value', default: true },
    doc: { summary: 'Made syslog records follow RFC 5424 in old releases; that format became the only one.' },
    history: { added: 'juno', deprecated: 'liberty', removed: 'mitaka', replacement: { note: 'Syslog records always use that format now.' } },
  },
  {
    section: 'DEFAULT',
    name: 'use_json',
    kinds: ALL,
    doc: { summary: 'Writes log records as JSON objects, one per line, for log collectors.' },
    history: { added: 'queens' },
  },
  {
    section: 'DEFAULT',
    name: 'use_stderr',
    kinds: ALL,
    doc: { summary: 'Also writes log records to standard error.' },
  },
  {
    section: 'DEFAULT',
    name: 'log_color',
    kinds: ALL,
    facts: { osloType: 'boolean value', default: false },
    doc: { summary: 'Colours log records written to standard error by level.', details: 'Only has an effect together with use_stderr.' },
    history: { added: '2024.2' },
  },
  {
    section: 'DEFAULT',
    name: 'use_eventlog',
    kinds: ALL,
    doc: { summary: 'Logs to the Windows event log; meaningless on Linux.' },
    history: { added: 'stein', deprecated: '2024.1', removed: '2025.1', replacement: { note: 'Windows support was dropped; remove the line.' } },
  },
  {
    section: 'DEFAULT',
    name: 'log_rotate_interval',
    kinds: ALL,
    doc: {
      summary: 'How many units of log_rotate_interval_type pass between rotations, when log_rotation_type is interval.',
      example: '1',
    },
    history: { added: 'stein' },
  },
  {
    section: 'DEFAULT',
    name: 'log_rotate_interval_type',
    kinds: ALL,
    ignoreCase: true,
    choiceDocs: {
      Seconds: { description: 'Rotate every log_rotate_interval seconds.' },
      Minutes: { description: 'Rotate every log_rotate_interval minutes.' },
      Hours: { description: 'Rotate every log_rotate_interval hours.' },
      Days: { description: 'Rotate every log_rotate_interval days.' },
      Weekday: { description: 'Rotate on a weekday (log_rotate_interval 0 = Monday).' },
      Midnight: { description: 'Rotate at midnight.' },
    },
    doc: {
      summary: 'Unit of log_rotate_interval, when the service rotates its own log file.',
      format: 'One of Seconds, Minutes, Hours, Days, Weekday, Midnight, in any letter case.',
      example: 'days',
    },
    history: { added: 'stein' },
  },
  {
    section: 'DEFAULT',
    name: 'max_logfile_count',
    kinds: ALL,
    doc: { summary: 'How many rotated log files the service keeps.' },
    history: { added: 'stein' },
  },
  {
    section: 'DEFAULT',
    name: 'max_logfile_size_mb',
    kinds: ALL,
    doc: { summary: 'Size in MiB at which the log file is rotated, when log_rotation_type is size.' },
    history: { added: 'stein' },
  },
  {
    section: 'DEFAULT',
    name: 'log_rotation_type',
    kinds: ALL,
    choiceDocs: {
      interval: { description: 'Rotate after a time interval (log_rotate_interval and its type).' },
      size: { description: 'Rotate when the file reaches max_logfile_size_mb.' },
      none: { description: 'Do not rotate; leave it to logrotate or the journal.' },
    },
    doc: { summary: 'Whether and how the service rotates its own log file.' },
    history: { added: 'stein' },
  },
  {
    section: 'DEFAULT',
    name: 'logging_context_format_string',
    kinds: ALL,
    doc: { summary: 'Python logging format of records that carry a request context (a request id, a user).', details: 'Uses %(name)s-style fields; the sample shows the default.' },
  },
  {
    section: 'DEFAULT',
    name: 'logging_default_format_string',
    kinds: ALL,
    doc: { summary: 'Python logging format of records without a request context.' },
  },
  {
    section: 'DEFAULT',
    name: 'logging_debug_format_suffix',
    kinds: ALL,
    doc: { summary: 'Text appended to DEBUG records (by default the function, file and line).' },
  },
  {
    section: 'DEFAULT',
    name: 'logging_exception_prefix',
    kinds: ALL,
    doc: { summary: 'Prefix of each line of a logged traceback.' },
  },
  {
    section: 'DEFAULT',
    name: 'logging_user_identity_format',
    kinds: ALL,
    doc: { summary: 'Format of the %(user_identity)s field (user, project, domain) in context records.' },
    history: { added: 'mitaka' },
  },
  {
    section: 'DEFAULT',
    name: 'default_log_levels',
    kinds: ALL,
    type: logLevelList,
    doc: {
      summary: 'Log levels of individual Python loggers, to quieten chatty libraries.',
      format: 'Comma-separated logger=LEVEL entries.',
      example: 'amqp=WARN,sqlalchemy=WARN,oslo.messaging=INFO',
      whenWrong: 'Setting it replaces the whole default list, so libraries left out become verbose again.',
    },
  },
  {
    section: 'DEFAULT',
    name: 'publish_errors',
    kinds: ALL,
    doc: { summary: 'Also publishes ERROR records as notifications on the message bus.' },
  },
  {
    section: 'DEFAULT',
    name: 'instance_format',
    kinds: ALL,
    doc: { summary: 'How an instance passed to a log call is shown in the record.' },
  },
  {
    section: 'DEFAULT',
    name: 'instance_uuid_format',
    kinds: ALL,
    doc: { summary: 'How an instance UUID passed to a log call is shown in the record.' },
  },
  {
    section: 'DEFAULT',
    name: 'rate_limit_interval',
    kinds: ALL,
    doc: { summary: 'Length in seconds of the window for log rate limiting; 0 turns rate limiting off.' },
    history: { added: 'ocata' },
  },
  {
    section: 'DEFAULT',
    name: 'rate_limit_burst',
    kinds: ALL,
    doc: { summary: 'How many records may be logged per rate_limit_interval before the rest are dropped; 0 turns rate limiting off.' },
    history: { added: 'ocata' },
  },
  {
    section: 'DEFAULT',
    name: 'rate_limit_except_level',
    kinds: ALL,
    type: new StringType({ choices: [...LEVELS, ''].map((value) => ({ value })), choiceMode: 'open' }),
    doc: { summary: 'Records at this level or above are never dropped by rate limiting; empty means every level may be dropped.', example: 'CRITICAL' },
    history: { added: 'ocata' },
  },
  {
    section: 'DEFAULT',
    name: 'fatal_deprecations',
    kinds: ALL,
    doc: {
      summary: 'Turns the use of deprecated settings and code paths into fatal errors.',
      whenWrong: 'With it on, a service whose configuration uses a deprecated option stops; meant for testing.',
    },
  },
];
