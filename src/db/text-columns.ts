// Every String column of prisma/schema.prisma, declared once: either the
// privacy profile its text is checked with on every write (src/db/write-guard.ts),
// or exempt with the reason it holds no user free text. Relation fields are
// declared too, so nested writes (`roles: { create: … }`) are checked with the
// related model's columns. test/db/text-columns.test.ts fails when a String
// column or a relation of the schema is missing here, or this names one the
// schema does not have. Int, Boolean and DateTime columns cannot hold text and
// are not listed.
//
// Profiles as in src/core/privacy/rules.ts: name (one line), free, contact
// (a member's own work phone/e-mail), case (the stricter case-conference rules).
import type { TextProfile } from '../core/privacy/index.ts';
import type { Prisma } from '../generated/prisma/client.ts';

type ExemptReason =
  | 'enum' // one of a fixed set of words the features check
  | 'date' // YYYY-MM-DD
  | 'time' // HH:MM
  | 'format' // a shape the bot builds or validates (RRULE, "7d,1d", "council:3", "2/3")
  | 'json' // JSON the bot builds from ids, counts and already-guarded values
  | 'label' // a label the bot builds from already-guarded values ("member #3", "이름 (slack)")
  | 'key' // an idempotency or grouping key
  | 'token' // a random code or claim token
  | 'platform' // a chat platform's own id (user, channel, message)
  | 'error'; // an error text of a platform or a job handler

export type ColumnDecl = TextProfile | { exempt: ExemptReason } | { relation: Prisma.ModelName };

const exempt = (reason: ExemptReason) => ({ exempt: reason }) as const;
const relation = (model: Prisma.ModelName) => ({ relation: model }) as const;

export const TEXT_COLUMNS: Record<Prisma.ModelName, Record<string, ColumnDecl>> = {
  Organization: {
    name: 'name',
    kind: exempt('enum'),
    dong: 'name',
    sigungu: 'name',
    digestTime: exempt('time'),
    members: relation('Member'),
    partnershipsOut: relation('Partnership'),
    partnershipsIn: relation('Partnership'),
    councilSeats: relation('CouncilSeat'),
    channels: relation('ChannelBinding'),
    organisedSeries: relation('MeetupSeries'),
    meetupSeats: relation('MeetupParticipant'),
  },
  Partnership: {
    kind: exempt('enum'),
    from: relation('Organization'),
    to: relation('Organization'),
    channels: relation('ChannelBinding'),
  },
  Member: {
    name: 'name',
    position: 'free',
    phone: 'contact',
    email: 'contact',
    locale: exempt('enum'),
    preferredPlatform: exempt('enum'),
    status: exempt('enum'),
    digestTime: exempt('time'),
    org: relation('Organization'),
    roles: relation('MemberRole'),
    councilSeats: relation('CouncilSeat'),
    identities: relation('ChatIdentity'),
    linkCodes: relation('LinkCode'),
    transfers: relation('Transfer'),
  },
  MemberRole: { role: exempt('enum'), member: relation('Member') },
  CouncilSeat: { seat: exempt('enum'), council: relation('Organization'), member: relation('Member') },
  ChatIdentity: { platform: exempt('enum'), userId: exempt('platform'), member: relation('Member') },
  ChannelBinding: {
    platform: exempt('enum'),
    channelId: exempt('platform'),
    org: relation('Organization'),
    partnership: relation('Partnership'),
  },
  // The actor is a member's name (guarded where it was written) or a chat
  // display name guarded in identity.ts (a platform id when it failed), with the platform.
  AuditLog: { actor: exempt('label'), action: exempt('enum'), target: exempt('label'), detail: exempt('json') },
  OutboxMessage: {
    idempotencyKey: exempt('key'),
    platform: exempt('enum'),
    destKind: exempt('enum'),
    destId: exempt('platform'),
    card: exempt('json'),
    status: exempt('enum'),
    messageRef: exempt('platform'),
    lastError: exempt('error'),
  },
  InboundReceipt: { key: exempt('key') },
  LinkCode: { code: exempt('token'), member: relation('Member') },
  LinkRequest: { platform: exempt('enum'), userId: exempt('platform'), displayName: 'name', status: exempt('enum') },
  Job: {
    kind: exempt('enum'),
    key: exempt('key'),
    payload: exempt('json'),
    group: exempt('key'),
    status: exempt('enum'),
    claimToken: exempt('token'),
    lastError: exempt('error'),
  },
  MeetupSeries: {
    title: 'free',
    kind: exempt('enum'),
    place: 'free',
    // A URL: the option binding checks it as free text too.
    link: 'free',
    startDate: exempt('date'),
    time: exempt('time'),
    rrule: exempt('format'),
    until: exempt('date'),
    holidayPolicy: exempt('enum'),
    reminders: exempt('format'),
    agendaCloses: exempt('time'),
    status: exempt('enum'),
    organiser: relation('Organization'),
    participants: relation('MeetupParticipant'),
    changes: relation('MeetupChange'),
    rsvps: relation('Rsvp'),
    agendas: relation('Agenda'),
  },
  MeetupParticipant: { series: relation('MeetupSeries'), org: relation('Organization') },
  MeetupChange: {
    original: exempt('date'),
    date: exempt('date'),
    time: exempt('time'),
    place: 'free',
    series: relation('MeetupSeries'),
  },
  Rsvp: { original: exempt('date'), answer: exempt('enum'), proxyName: 'name', series: relation('MeetupSeries') },
  Closure: { date: exempt('date'), name: 'name' },
  Poll: {
    question: 'free',
    kind: exempt('enum'),
    // The labels as a JSON array: checked whole, as the options= text they came from was.
    options: 'free',
    voters: exempt('format'),
    status: exempt('enum'),
    platform: exempt('enum'),
    channelId: exempt('platform'),
    result: exempt('json'),
    eligible: relation('PollEligible'),
    participation: relation('PollParticipation'),
    ballots: relation('PollBallot'),
  },
  PollEligible: { poll: relation('Poll') },
  PollParticipation: { poll: relation('Poll') },
  PollBallot: { choice: exempt('json'), poll: relation('Poll') },
  CouncilRule: { quorum: exempt('format'), pass: exempt('format'), base: exempt('enum') },
  Transfer: {
    fromPosition: 'free',
    toPosition: 'free',
    leaveReason: exempt('enum'),
    effective: exempt('date'),
    note: 'free',
    status: exempt('enum'),
    member: relation('Member'),
    items: relation('TransferItem'),
  },
  TransferItem: {
    kind: exempt('enum'),
    // 'contact', not 'free': the partner lines the bot writes carry the partner head's work phone.
    label: 'contact',
    transfer: relation('Transfer'),
  },
  Agenda: { original: exempt('date'), status: exempt('enum'), series: relation('MeetupSeries'), items: relation('AgendaItem') },
  AgendaItem: {
    caseCode: 'case',
    stage: exempt('enum'),
    type: exempt('enum'),
    risk: 'case',
    needs: 'case',
    summary: 'case',
    resources: 'case',
    question: 'case',
    status: exempt('enum'),
    decision: exempt('enum'),
    roles: 'case',
    nextCheck: exempt('date'),
    agenda: relation('Agenda'),
    agencies: relation('AgendaAgency'),
  },
  AgendaAgency: { item: relation('AgendaItem') },
  // The code pattern and the risk levels are typed by the coordinator (pattern=, risks=): free text at the command too.
  CaseSettings: { sigungu: 'name', codePattern: 'free', codeExample: 'case', riskLevels: 'free' },
};
