// English catalog. Mirrors ko.ts key for key (enforced by the Catalog type).
// {name} placeholders are filled in with values.
import type { Catalog } from './index.ts';

export const en: Catalog = {
  messages: {
    // Common errors
    'error.unknownCommand': '`/{command}` is not a command. Use `/help` to see the list of commands.',
    'error.unknownSubcommand': '`/{command} {sub}` is not a subcommand. Available: {choices}\nExample: {example}',
    'error.missingSubcommand': 'Add a subcommand after `/{command}`: {choices}\nExample: {example}',
    'error.missingOption': '`{option}` is missing.\nUsage: {usage}\nExample: {example}',
    'error.unknownOption': '`{option}` is not an option of this command. Available options: {choices}\nExample: {example}',
    'error.tooManyArguments': 'Not sure where `{value}` belongs. Put values that contain spaces in quotes.\nUsage: {usage}\nExample: {example}',
    'error.duplicateOption': '`{option}` was given twice. Give it only once.\nExample: {example}',
    'error.badInteger': '`{option}` must be a number (got: {value}).\nExample: {example}',
    'error.badDate': '`{option}` must be a real date in YYYY-MM-DD format (got: {value}).\nExample: {example}',
    'error.badTime': '`{option}` must be a 24-hour time in HH:MM format (got: {value}).\nExample: {example}',
    'error.badBoolean': '`{option}` must be yes or no (got: {value}).\nExample: {example}',
    'error.badChoice': 'Unknown value `{value}` for `{option}`. Available values: {choices}\nExample: {example}',
    'error.unclosedQuote': 'A quote is not closed. Wrap the value in quotes on both sides, like "…".',
    'error.notACommand': 'Commands start with `/`. Example: /help',
    'error.forbidden': '`/{command}` is only available to these roles: {roles}. Your current role: {current}. Ask an admin for the role.',
    'error.notLinked': 'This account is not linked to a member yet. For now only `/help`, `/member me` and `/member link` work. With a code from an admin type `/member link <code>`; without one, `/member link` asks the admins.',
    'error.internal': 'Something went wrong. Please give an admin the error ID {id}.',
    'error.residentIdentifier': "Your input was not processed because it contains what looks like a {what}. Residents' personal information must not be handled in chat (Personal Information Protection Act). Refer to residents by case code only. Nothing was saved.",
    'error.textTooLong': '`{option}` is too long ({length} characters). Please shorten it to {max} characters or fewer.',
    'pii.rrn': 'resident registration number',
    'pii.foreignerNumber': 'foreigner registration number',
    'pii.passport': 'passport number',
    'pii.driverLicence': "driver's licence number",
    'pii.phone': 'personal phone number',
    'pii.address': 'street address with a house number',

    // Help
    'form.submit': 'Submit',
    'form.cancel': 'Cancel',
    'help.title': 'Public–private cooperation bot commands',
    'help.footer': 'Use `/<command> help` for detailed usage. Example: /org help',
    'help.commandTitle': '/{command} — {description}',
    'help.pick': 'Pick a command to see how to use it',
    'help.usage': 'Usage',
    'help.example': 'Example',
    'help.options': 'Options',
    'help.roles': 'Allowed roles',
    'help.required': 'required',
    'help.anyone': 'All members',
    'help.choices': 'Values: {choices}',

    // Role and seat names
    'role.admin': 'Admin',
    'role.coordinator': 'Coordinator',
    'role.head': 'Head (head of dong / centre director)',
    'role.staff': 'Staff',
    'role.none': 'None',

    // Organisations
    'org.added': 'Registered {kind} {name} (#{id}).',
    'org.duplicate': '{name} is already registered as #{id}. Use a different name or check it with `/org show #{id}`.',
    'org.notFound': 'Organisation `{ref}` not found. Check the name or #number with `/org list`.',
    'org.ambiguous': '`{ref}` matches several organisations: {matches}. Please use the #number.',
    'org.listTitle': 'Registered organisations ({count})',
    'org.listPage': 'Page {page}/{pages} · Next page: /org list page={next}',
    'org.listEmpty': 'No organisations registered yet. Example: /org add welfare-centre 행복종합사회복지관 dong=모라3동',
    'org.fieldKind': 'Type',
    'org.fieldDong': 'Eup/myeon/dong',
    'org.fieldSigungu': 'Si/gun/gu',
    'org.fieldMembers': 'Members',
    'org.fieldPartners': 'Partnerships',
    'org.fieldChannels': 'Linked channels',
    'org.fieldSeats': 'Council members',
    'org.none': 'None',
    'org.linked': '{from} → {to}: registered {kind} relationship (#{id}).',
    'org.linkDuplicate': 'The {kind} relationship {from} → {to} is already registered as #{id}.',
    'org.linkSelf': 'An organisation cannot be linked to itself. Give two different organisations.',
    'org.linkKindMismatch': 'A {kind} link goes from a {from} to a {to}. Example: /org link <{from}> <{to}> kind={value}',
    'org.hubFull': '{from} is already the hub for {count} dongs. A hub welfare centre usually covers 2–3 dongs, so please check. The link has been registered.',
    'org.partnerLine': '{kind}: {other} (#{id})',
    'org.seatLine': '{seat} {name} ({from}–{to})',

    // Members
    'member.added': 'Registered {name} (#{id}) at {org}. Roles: {roles}',
    'member.addedNoOrg': 'Registered {name} (#{id}). Roles: {roles}',
    'member.notFound': 'Member `{ref}` not found. Check the name or #number.',
    'member.ambiguous': 'Several members are named `{ref}`: {matches}. Please use the #number.',
    'member.fieldOrg': 'Organisation',
    'member.fieldPosition': 'Position',
    'member.fieldRoles': 'Roles',
    'member.fieldPhone': 'Work phone',
    'member.fieldEmail': 'Email',
    'member.fieldSeats': 'Councils',
    'member.fieldAccounts': 'Linked accounts',
    'member.fieldLocale': 'Language',
    'member.fieldDm': 'Personal notices',
    'member.meUnlinked': '{name}, your {platform} account is not linked to a member yet. Link it with `/member link <code>` or ask with `/member link`.',
    'member.dmSet': 'Personal notices (DMs) now go to {platform}.',
    'member.rolesSet': "Set {name}'s roles to {roles}.",
    'member.lastAdmin': 'The admin role cannot be removed from the last admin. Make someone else an admin first.',
    'member.localeSet': 'Language changed to English.',
    'member.badEmail': 'Invalid `email` format (got: {value}). Example: email=kim@welfare.or.kr',
    'member.badPhone': '`phone` must be a work phone number (got: {value}). Example: phone=051-123-4567',
    'member.adminOnly': 'Only an admin can grant the admin role. Register the member with another role, then ask an admin for `/member role`.',
    'member.badRoles': 'Unknown role `{value}`. Available roles: admin, coordinator, head (head of organisation), staff. Example: /member role 김민수 coordinator,head',

    // Local social security council members
    'council.notCouncil': '{name} is not a local social security council (type: {kind}). For council=, give a local social security council.',
    'council.seated': 'Appointed {name} as {seat} of {council} (term {from}–{to}).',
    'council.chairTaken': 'The {seat} seat of {council} is held by {name} for the term {from}–{to}. Set from=/to= so that the terms do not overlap.',
    'council.badTerm': 'The end of the term (to={to}) cannot be before its start (from={from}).',
    'seat.chair-public': 'public co-chair',
    'seat.chair-private': 'private co-chair',
    'seat.member': 'member',

    // Channels
    'channel.bound': 'Linked this channel (#{channel}) to {target}.',
    'channel.alreadyBound': 'This channel is already linked to {target}.',
    'channel.unbound': 'Unlinked this channel from {target}.',
    'channel.notBound': 'This channel is not linked to {target}.',
    'channel.needTarget': 'Give either an organisation or a partnership. Example: /channel bind 모라3동행정복지센터 or /channel bind partnership=2',
    'channel.partnershipNotFound': 'Partnership #{ref} not found. Check the partnership number with `/org show <organisation>`.',
    'channel.partnershipLabel': '{from}–{to} {kind}',
    'channel.listTitle': 'Linked to this channel',
    'channel.listEmpty': 'This channel is not linked to any organisation yet. Example: /channel bind 모라3동행정복지센터',

    // Audit log
    'audit.title': 'Change log (latest {count})',
    'audit.empty': 'No changes recorded yet.',
    'audit.line': '{at} · {actor} · {action} · {target}',
    'audit.more': 'Older entries: /audit page={next}',

    // Console
    // CSV import
    'import.row': 'line {line}: {problem}',
    'import.badCsv': 'Cannot read the CSV file: {reason}. Check that it is saved as UTF-8 CSV.',
    'import.noNameColumn': 'The first line (header) has no name column. Example: name,org,position,roles',
    'import.unknownColumns': 'Unknown columns: {columns}. Known columns: {known}',
    'import.badValue': 'invalid {column} value (dates as YYYY-MM-DD, text up to 200 characters)',
    'import.badKind': 'unknown kind "{value}" (welfare-centre, community-centre, council, district, partner).',
    'import.orgExists': '{name} is already registered.',
    'import.duplicateRow': '{value} repeats line {other}.',
    'import.orgMissing': 'organisation "{name}" is not registered. Import the organisations CSV first.',
    'import.notCouncil': '"{name}" is not a registered council.',
    'import.badSeat': 'unknown seat "{value}" (chair-public, chair-private, member).',
    'import.memberExists': '{name} of {org} is already registered.',
    'import.accountTaken': 'account {account} is already linked to another member.',
    'import.done': 'Imported {count} {kind}.',
    'import.failed': 'Nothing was imported. Please fix:',
    'import.kind.organizations': 'organisations',
    'import.kind.members': 'members',

    // Delivery
    'delivery.failedTitle': 'A message could not be delivered',
    'delivery.failed': 'Outgoing message #{id} (to {destination}) failed for good and will not be retried. Reason: {reason}. Check whether the channel was deleted or the bot removed, and bind again with `/channel bind` if needed.',

    // Account linking
    'link.alreadyLinked': 'This account is already linked to {name}. See `/member me`.',
    'link.badCode': 'The link code is wrong or expired (72 hours). Ask an admin for a new one. Example: /member link ABCD-EF23',
    'link.linked': 'Linked as {name} (#{id}). All commands are available now; start with `/help`.',
    'link.requested': 'Your link request (#{id}) went to the admins; you will hear when it is approved. With a code from an admin, `/member link <code>` links at once.',
    'link.requestTitle': 'Account link request',
    'link.requestBody': '{name} on {platform} asks to use the bot (request #{id}). Approve to register them as new staff, or if they are already a member type `/member approve {id} member=<name or #id>`.',
    'link.approveNew': 'Approve as new member',
    'link.noRequest': 'There is no open link request #{id}.',
    'link.approved': 'Linked the {platform} account to {name} (#{id}).',
    'link.approvedForUser': '{name}, your account link was approved. Start with `/help`.',
    'link.code': 'Link code for {name}: {code} (valid until {until}, single use). They type `/member link {code}` in Slack or Discord to link.',

    'console.ready': 'Public–private cooperation bot console. Start with /help. Type @name to speak as someone else. Quit: Ctrl+D',
    'console.choose': 'Enter a number to press a button',
    'console.noSuchChoice': 'There is no button {number}. Enter a button number from the last message.',
  },

  // Command descriptions (used in help and for Slack/Discord registration)
  commands: {
    help: {
      description: 'List of commands and usage',
      subcommands: {
        '': { description: 'Shows the list of commands and their usage', example: '/help org', options: { command: 'Command to show in detail' } },
      },
    },
    org: {
      description: 'Manage organisations (welfare centres, community centres, councils)',
      subcommands: {
        add: {
          description: 'Registers an organisation',
          example: '/org add welfare-centre 행복종합사회복지관 dong=모라3동 sigungu=사상구',
          options: {
            kind: 'Type (welfare-centre, community-centre, council, district, partner)',
            name: 'Organisation name',
            dong: 'Eup/myeon/dong',
            sigungu: 'Si/gun/gu',
          },
        },
        list: { description: 'Lists organisations', example: '/org list kind=welfare-centre', options: { kind: 'Show only this type', page: 'Page number' } },
        show: { description: 'Shows an organisation', example: '/org show 행복종합사회복지관', options: { org: 'Organisation name or #number' } },
        link: {
          description: 'Registers a partnership between two organisations',
          example: '/org link 행복종합사회복지관 모라3동행정복지센터 kind={value}',
          options: {
            from: 'First organisation (hub welfare centre or council)',
            to: 'Second organisation (community centre)',
            kind: 'Relationship (hub = hub, mou = MOU, council-of = dong council)',
          },
        },
      },
    },
    member: {
      description: 'Members and roles',
      subcommands: {
        add: {
          description: 'Registers a member',
          example: '/member add 김민수 org=모라3동행정복지센터 position=주무관 role=staff',
          options: { name: 'Name', org: 'Organisation', position: 'Position', role: 'Roles (comma-separated)', phone: 'Work phone', email: 'Work email' },
        },
        show: { description: 'Shows a member', example: '/member show 김민수', options: { member: 'Name or #number' } },
        role: {
          description: "Sets a member's roles (admin)",
          example: '/member role 김민수 coordinator,head',
          options: { member: 'Name or #number', roles: 'Roles (admin, coordinator, head, staff)' },
        },
        link: { description: 'Link my chat account to a member', example: '/member link ABCD-EF23', options: { code: 'Link code from an admin (without one, ask the admins)' } },
        code: { description: 'Create an account link code', example: '/member code 김민수', options: { member: 'Name or #id' } },
        approve: {
          description: 'Approve an account link request (admin)',
          example: '/member approve 3 member=김민수',
          options: { request: 'Request number', member: 'An existing member (omit to register a new one)' },
        },
        me: { description: 'Shows your own details', example: '/member me lang=en', options: { lang: 'Change language (ko, en)', dm: 'Where personal notices (DMs) go (slack, discord, all)' } },
      },
    },
    council: {
      description: 'Local social security council members',
      subcommands: {
        seat: {
          description: 'Appoints a council member',
          example: '/council seat 박영희 council=모라3동지역사회보장협의체 seat=chair-private from=2026-01-01',
          options: {
            member: 'Name or #number',
            council: 'Local social security council',
            seat: 'Seat (chair-public, chair-private, member)',
            from: 'Term start (default: today)',
            to: 'Term end (default: 2 years)',
          },
        },
      },
    },
    channel: {
      description: 'Link chat channels to organisations',
      subcommands: {
        bind: {
          description: 'Links this channel to an organisation or a partnership',
          example: '/channel bind 모라3동행정복지센터',
          options: { org: 'Organisation name or #number', partnership: 'Partnership number' },
        },
        unbind: {
          description: 'Unlinks this channel',
          example: '/channel unbind 모라3동행정복지센터',
          options: { org: 'Organisation name or #number', partnership: 'Partnership number' },
        },
        list: { description: 'Shows what this channel is linked to', example: '/channel list', options: {} },
      },
    },
    audit: {
      description: 'Change log (admin)',
      subcommands: { '': { description: 'Shows recent changes', example: '/audit page=2', options: { page: 'Page number' } } },
    },
  },

  // Choices: the first entry is the display label, the rest are accepted as input too
  choices: {
    orgKind: {
      'welfare-centre': ['welfare centre', 'welfare center', 'social welfare centre', 'social welfare center'],
      'community-centre': ['community centre', 'community center', 'dong office', 'community service centre'],
      council: ['local social security council', 'social security council', 'community social security council'],
      district: ['district welfare support team', 'welfare support team', 'district office', 'gu office'],
      partner: ['other', 'partner organisation', 'partner organization'],
    },
    partnershipKind: {
      hub: ['hub', 'hub centre', 'hub center'],
      mou: ['MOU', 'memorandum of understanding', 'agreement'],
      'council-of': ['dong council'],
    },
    seat: {
      'chair-public': ['public co-chair', 'public chair'],
      'chair-private': ['private co-chair', 'private chair'],
      member: ['member', 'council member'],
    },
    dmPlatform: { slack: ['Slack'], discord: ['Discord'], console: ['console'], all: ['all', 'every linked platform'] },
    locale: { ko: ['Korean'], en: ['English'] },
  },
  csvHeaders: {
    name: ['name'],
    kind: ['kind', 'type'],
    dong: ['dong'],
    sigungu: ['sigungu', 'district'],
    org: ['org', 'organization', 'organisation'],
    position: ['position', 'title'],
    roles: ['roles', 'role'],
    phone: ['phone', 'work_phone'],
    email: ['email'],
    council: ['council'],
    seat: ['seat'],
    term_from: ['term_from', 'from'],
    term_to: ['term_to', 'to'],
    slack: ['slack', 'slack_id'],
    discord: ['discord', 'discord_id'],
  },
};
