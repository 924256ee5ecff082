/** The `sync` namespace: the status bar, the sync page and enrollment, in English. */
export const syncEn = {
  bar: {
    label: 'Sync with head office',
    notEnrolled: 'Not connected to head office',
    enrolling: 'Connecting to head office…',
    syncing: 'Syncing…',
    idle: 'Synced {{when}}',
    never: 'Not synced yet',
    retrying: 'Head office unreachable: retrying',
    stopped: 'Sync stopped',
    pending: '{{count}} waiting',
    rejected: '{{count}} refused',
    keptAside: '{{count}} kept aside',
    clock: 'Check this PC’s clock',
    progress: '{{rows}} records',
    searchBacklog: 'Search index: {{count}} customers to add',
  },
  firstSync: {
    title: 'Loading this store’s records from head office',
    body: 'This PC has just joined head office. The counter opens as soon as the store’s customers, tickets and parts are all here; nothing needs doing meanwhile.',
    progress: '{{rows}} records received',
    problem: 'Head office cannot be reached at the moment; this PC keeps trying by itself.',
    openSync: 'Open the sync page',
  },
  resync: {
    title: 'Head office is sending this store’s records again',
    body: 'Keep working as usual: nothing on this PC is lost and your changes are kept. Until it has finished, a list may miss records that are still on their way.',
    progress: '{{rows}} records received so far.',
  },
  page: {
    title: 'Sync with head office',
    status: 'Status',
    server: 'Head office',
    store: 'Store',
    lastSync: 'Last sync',
    pending: 'Changes waiting to be sent',
    rejected: 'Changes head office refused',
    keptAside: 'Records kept aside',
    restored:
      'This PC was restored from a copy of its data ({{when}}); it took back {{count}} records from head office. Changes made here since the restore were sent once they were in, with new numbers where head office already had them.',
    restoring:
      'This PC was restored from a copy of its data ({{when}}). It is taking back from head office what it had sent after that copy ({{count}} records so far); changes made here since then are sent once that is done.',
    clock: 'PC clock',
    clockOk: 'Within 2 minutes of head office',
    clockOff: 'Off by {{minutes}} minutes: check this PC’s date and time (work can go on)',
    credentials: 'Device secret kept',
    credentialsEncrypted: 'Encrypted by the operating system ({{backend}})',
    credentialsBrowserHost:
      'In {{file}}, readable only by this OS user (the browser host has no OS keyring); not encrypted',
    credentialsNoKeyring:
      'In {{file}}, readable only by this OS user; not encrypted, because this PC has no keyring (install GNOME Keyring or KWallet to have it encrypted)',
    lastError: 'Last problem',
    failures: {
      tls_untrusted:
        'Head office’s certificate is no longer trusted by this PC (it was changed?): enroll this PC again with head office’s CA certificate (ca.pem).',
      tls_ca_mismatch:
        'Head office’s certificate is no longer signed by the CA certificate this PC was given: enroll this PC again with head office’s current CA certificate.',
      tls_expired:
        'Head office’s certificate has expired (or this PC’s date is wrong): ask head office to renew it, and check this PC’s date and time.',
      tls_not_yet_valid: 'Head office’s certificate is not valid yet: check this PC’s date and time.',
      tls_wrong_name:
        'Head office’s certificate is issued for {{names}}, not {{host}}: head office’s address has changed; enroll this PC again with the new address.',
      unreachable:
        'Head office did not answer ({{detail}}). This PC keeps trying by itself; if it lasts, check the network.',
      interrupted: 'The connection to head office broke off. This PC tries again by itself.',
      hq_unavailable: 'Head office is not available at the moment (answer {{status}}). This PC keeps trying by itself.',
      history_lost:
        'Head office lost changes this PC no longer keeps (restored from an old backup): call head office support.',
      upgrade_required: 'This Counterdesk is too old for head office: install the update.',
    },
    searchBacklog: 'Counter search',
    searchBacklogValue:
      '{{count}} customers from the first sync are still being added to the search index; until then search may not find them',
    syncNow: 'Sync now',
    revoked:
      'Head office has revoked this PC. Sync is stopped; everything on this PC is kept. Enroll it again with a new code to resume.',
    unauthorized: 'Head office no longer accepts this PC’s credentials. Enroll it again with a new code.',
  },
  enroll: {
    title: 'Enroll this PC',
    intro: 'Head office gives you its address and a one-time code for this store (valid 24 hours).',
    url: 'Head office address',
    code: 'Enrollment code',
    ca: 'CA certificate to trust (optional)',
    caHelp:
      'Needed when head office’s certificate comes from its own certificate authority rather than a public one: paste the PEM text head office gave you (ca.pem), or load the file. Without it, enrollment fails with “Head office’s certificate is not trusted by this PC”.',
    caFile: 'Load the CA certificate from a file',
    submit: 'Enroll',
    working: 'Connecting to head office…',
    failed: 'Enrollment failed: {{message}}',
    /** By the failure's code (db/sync/transport-failure.ts, head office's refusals); unknown codes show head office's own words. */
    errors: {
      tls_untrusted:
        'Head office’s certificate is not trusted by this PC: add head office’s CA certificate (ca.pem) below.',
      tls_ca_mismatch:
        'Head office’s certificate is not signed by the CA certificate given: add head office’s own CA certificate (ca.pem) below.',
      tls_expired:
        'Head office’s certificate has expired (or this PC’s date is wrong): ask head office to renew its certificate, and check this PC’s date and time.',
      tls_not_yet_valid: 'Head office’s certificate is not valid yet: check this PC’s date and time.',
      tls_wrong_name:
        'Head office’s certificate is issued for {{names}}, not {{host}}: enter head office’s address exactly as head office gave it.',
      unreachable: 'Head office did not answer ({{detail}}): check the address and that this PC is on the network.',
      interrupted: 'The connection to head office broke off: try again.',
      enroll_code_invalid: 'This enrollment code is unknown, already used or expired: ask head office for a new one.',
      store_mismatch:
        'This code is for store {{codeStore}}, but this PC is set up as store {{thisStore}}: use a code issued for {{thisStore}}. The code is not used up.',
      counter_taken:
        'Another PC of this store is already enrolled as counter {{counterNo}} (device {{holderId}}, enrolled {{enrolledAt}}, last sync {{lastSync}}). Two PCs with one counter number would give out the same ticket numbers. Set this PC up with its own counter number, or ask head office to retire that PC first. The code is not used up.',
    },
  },
  keptAside: {
    title: 'Records kept aside',
    intro:
      'Records from head office that this PC could not store yet. They are not in the counter’s lists until they are stored.',
    empty: 'Nothing is kept aside.',
    what: 'Record',
    number: 'Number',
    why: 'Why',
    todo: 'What to do',
    received: 'Received',
    retry: 'Try again',
    entities: {
      ticket: 'Ticket',
      ticket_event: 'Ticket step',
      ticket_attachment: 'Ticket photo',
      ticket_signature: 'Ticket signature',
      customer: 'Customer',
      requisition: 'Requisition',
      requisition_line: 'Requisition line',
      requisition_event: 'Requisition step',
      stock_movement: 'Stock movement',
      part: 'Part',
      supplier: 'Supplier',
    },
    reasons: {
      duplicate:
        'A record on this PC already has this number. This happens when two PCs of the store were set up with the same counter number.',
      incomplete: 'Part of this record has not arrived yet.',
      depends: 'It belongs to a record that is kept aside ({{parent}}); stored alone it would be incomplete.',
      unknown: 'This version of Counterdesk does not know this kind of record or field yet.',
      refused: 'This PC could not store the record.',
      duplicate_part:
        'This PC has a part of its own with this part number, offered to head office when the store joined.',
    },
    todos: {
      duplicate:
        'Ask head office to retire one of the two PCs (npm run headoffice:admin -- devices, then revoke) and set it up again with its own counter number, then press Try again. Nothing is lost: head office keeps both records.',
      incomplete: 'Nothing: the next sync completes it. If it stays, press Try again.',
      depends: 'Nothing on its own: it is stored together with that record.',
      unknown: 'Install the Counterdesk update: the record is stored by itself afterwards.',
      refused: 'Press Try again; if it stays, call head office support.',
      duplicate_part:
        'Nothing here: once head office maps this store’s part onto its own, the stock moves over and this record is stored by itself.',
    },
  },
  join: {
    title: 'Offered to head office',
    intro:
      'This store worked on its own before it joined head office. What it made of head office’s kinds of record (parts, suppliers, service standards) was offered to head office for review; nothing was lost.',
    summary_pending: '{{count}} records offered to head office for review',
    summary_decided: '{{count}} reviewed by head office',
    what: 'Record',
    outcome: 'Outcome',
    decided: 'Decided',
    entities: {
      part: 'Part',
      supplier: 'Supplier',
      sla_target: 'Service standard',
      customer_tier: 'Customer tier',
      product_category: 'Product category',
    },
    outcomes: {
      pending: 'Offered to head office for review',
      accepted: 'Adopted by head office',
      mapped: 'Now the same as head office’s {{target}} (stock moved: {{moved}})',
      mapped_supplier: 'Now the same as head office’s supplier {{target}}',
      mapped_waiting:
        'Now the same as head office’s {{target}}: the stock moves over once that part arrives on this PC',
      dropped: 'Not adopted — kept on this PC only',
      dropped_reason: 'Not adopted — kept on this PC only ({{reason}})',
    },
  },
  update: {
    title: 'This app and its updates',
    version: 'Version',
    state: 'Updates',
    off: 'Automatic updates are off (not installed from an installer, or not connected to head office)',
    idle: 'Up to date',
    checking: 'Looking for an update…',
    downloading: 'Downloading version {{version}} in the background',
    ready: 'Version {{version}} is ready: it installs when the app is closed',
    error: {
      unreachable: 'Head office could not be reached; the next check tries again',
      certificate: 'Head office’s certificate is not trusted; no update was downloaded',
      refused: 'Head office refused this PC; check its enrollment on this page',
      checksum: 'The downloaded update was damaged and has been discarded; it is downloaded again at the next check',
      failed: 'The update did not complete; the next check tries again',
    },
    checkedAt: 'Last checked',
    window: 'Install window',
    from: 'Install window from',
    to: 'Install window to',
    save: 'Save',
    clear: 'Only when closed',
    windowValue: '{{from}}–{{to}}',
    onQuit: 'When the app is closed',
    windowHelp:
      'A downloaded update installs between {{from}} and {{to}} (this PC’s time), never during a sync; the app restarts by itself.',
    onQuitHelp:
      'A downloaded update installs when the app is closed. Set a window (e.g. 02:00–05:00) to install it at night instead.',
    timeFormat: 'Use 24-hour times, e.g. 02:00',
    windowEmpty: 'The window must not start and end at the same time',
  },
  problems: {
    title: 'Sync problems',
    empty: 'No refused changes.',
    when: 'Changed at',
    what: 'Record',
    who: 'By',
    reason: 'Why head office refused it',
    fields: 'Change',
  },
};
