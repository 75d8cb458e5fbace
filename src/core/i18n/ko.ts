// 한국어 카탈로그 (기본). 사용자에게 보이는 모든 문구가 여기에 있습니다.
// {name} 자리에는 값이 들어갑니다.

export const ko = {
  messages: {
    // 공통 오류
    'error.unknownCommand': '`/{command}`은(는) 없는 명령입니다. `/help`로 명령 목록을 보세요.',
    'error.unknownSubcommand': '`/{command} {sub}`은(는) 없는 하위 명령입니다. 쓸 수 있는 것: {choices}\n예: {example}',
    'error.missingSubcommand': '`/{command}` 다음에 하위 명령을 적어 주세요: {choices}\n예: {example}',
    'error.missingOption': '`{option}` 값이 빠졌습니다.\n사용법: {usage}\n예: {example}',
    'error.unknownOption': '`{option}`은(는) 이 명령에 없는 옵션입니다. 쓸 수 있는 옵션: {choices}\n예: {example}',
    'error.tooManyArguments': '`{value}`을(를) 어디에 쓸지 알 수 없습니다. 띄어쓰기가 있는 값은 따옴표로 감싸 주세요.\n사용법: {usage}\n예: {example}',
    'error.duplicateOption': '`{option}`을(를) 두 번 적었습니다. 한 번만 적어 주세요.\n예: {example}',
    'error.badInteger': '`{option}`에는 숫자를 적어 주세요 (받은 값: {value}).\n예: {example}',
    'error.badDate': '`{option}`은(는) YYYY-MM-DD 형식의 실제 날짜여야 합니다 (받은 값: {value}).\n예: {example}',
    'error.badTime': '`{option}`은(는) HH:MM 형식(24시간)이어야 합니다 (받은 값: {value}).\n예: {example}',
    'error.badBoolean': '`{option}`에는 yes 또는 no(예/아니오)를 적어 주세요 (받은 값: {value}).\n예: {example}',
    'error.badChoice': '`{option}` 값 `{value}`을(를) 알 수 없습니다. 쓸 수 있는 값: {choices}\n예: {example}',
    'error.unclosedQuote': '따옴표가 닫히지 않았습니다. 값을 "…"처럼 양쪽 따옴표로 감싸 주세요.',
    'error.notACommand': '명령은 `/`로 시작합니다. 예: /help',
    'error.forbidden': '`/{command}`은(는) {roles} 역할만 쓸 수 있습니다. 지금 역할: {current}. 관리자에게 역할을 요청하세요.',
    'error.notLinked': '아직 구성원과 연결되지 않은 계정입니다. 지금은 `/help`, `/member me`, `/member link`만 쓸 수 있습니다. 관리자에게 받은 코드가 있으면 `/member link <코드>`, 없으면 `/member link`로 관리자에게 연결을 요청하세요.',
    'error.internal': '처리 중 문제가 생겼습니다. 관리자에게 오류 번호 {id}를 알려 주세요.',
    'error.residentIdentifier': '입력에 {what}처럼 보이는 값이 있어 처리하지 않았습니다. 주민 개인정보는 채팅으로 다룰 수 없습니다(개인정보보호법). 주민은 사례번호로만 적어 주세요. 아무것도 저장되지 않았습니다.',
    'error.textTooLong': '`{option}`이(가) 너무 깁니다 ({length}자). {max}자 이내로 줄여 주세요.',
    'pii.rrn': '주민등록번호',
    'pii.foreignerNumber': '외국인등록번호',
    'pii.passport': '여권번호',
    'pii.driverLicence': '운전면허번호',
    'pii.phone': '개인 전화번호',
    'pii.address': '번지가 있는 주소',

    // 도움말
    'form.submit': '보내기',
    'form.cancel': '취소',
    'help.title': '민관협력 봇 명령',
    'help.footer': '`/<명령> help`로 자세한 사용법을 봅니다. 예: /org help',
    'help.commandTitle': '/{command} — {description}',
    'help.pick': '명령을 골라 사용법 보기',
    'help.usage': '사용법',
    'help.example': '예',
    'help.options': '옵션',
    'help.roles': '쓸 수 있는 역할',
    'help.required': '필수',
    'help.anyone': '모든 구성원',
    'help.choices': '값: {choices}',

    // 역할·자리 이름
    'role.admin': '관리자',
    'role.coordinator': '코디네이터',
    'role.head': '기관장(동장·관장)',
    'role.staff': '실무자',
    'role.none': '없음',

    // 조직
    'org.added': '{kind} {name}(#{id})을(를) 등록했습니다.',
    'org.duplicate': '{name}은(는) 이미 #{id}로 등록되어 있습니다. 다른 이름을 쓰거나 `/org show #{id}`로 확인하세요.',
    'org.notFound': '`{ref}` 조직을 찾을 수 없습니다. `/org list`로 이름이나 #번호를 확인하세요.',
    'org.ambiguous': '`{ref}`에 해당하는 조직이 여럿입니다: {matches}. #번호로 적어 주세요.',
    'org.listTitle': '등록된 조직 ({count}곳)',
    'org.listPage': '{page}/{pages}쪽 · 다음 쪽: /org list page={next}',
    'org.listEmpty': '아직 등록된 조직이 없습니다. 예: /org add 사회복지관 행복종합사회복지관 dong=모라3동',
    'org.fieldKind': '종류',
    'org.fieldDong': '읍면동',
    'org.fieldSigungu': '시군구',
    'org.fieldMembers': '구성원',
    'org.fieldPartners': '협력 관계',
    'org.fieldChannels': '연결된 채널',
    'org.fieldSeats': '협의체 위원',
    'org.none': '없음',
    'org.linked': '{from} → {to}: {kind} 관계(#{id})를 등록했습니다.',
    'org.linkDuplicate': '{from} → {to} {kind} 관계는 이미 #{id}로 등록되어 있습니다.',
    'org.linkSelf': '같은 조직끼리는 연결할 수 없습니다. 서로 다른 두 조직을 적어 주세요.',
    'org.linkKindMismatch': '{kind} 관계는 앞에 {from}, 뒤에 {to}을(를) 적어야 합니다. 예: /org link <{from}> <{to}> kind={value}',
    'org.hubFull': '{from}은(는) 이미 거점으로 동 {count}곳을 맡고 있습니다. 거점복지관 한 곳은 보통 2~3개 동을 맡으니 확인해 주세요. 등록은 했습니다.',
    'org.partnerLine': '{kind}: {other} (#{id})',
    'org.seatLine': '{seat} {name} ({from}~{to})',

    // 구성원
    'member.added': '{name}(#{id}) 님을 {org}에 등록했습니다. 역할: {roles}',
    'member.addedNoOrg': '{name}(#{id}) 님을 등록했습니다. 역할: {roles}',
    'member.notFound': '`{ref}` 구성원을 찾을 수 없습니다. 이름이나 #번호를 확인하세요.',
    'member.ambiguous': '`{ref}` 이름의 구성원이 여럿입니다: {matches}. #번호로 적어 주세요.',
    'member.fieldOrg': '소속',
    'member.fieldPosition': '직위',
    'member.fieldRoles': '역할',
    'member.fieldPhone': '업무 전화',
    'member.fieldEmail': '이메일',
    'member.fieldSeats': '협의체',
    'member.fieldAccounts': '연결된 계정',
    'member.fieldLocale': '언어',
    'member.fieldDm': '개인 알림',
    'member.meUnlinked': '{name} 님의 {platform} 계정은 아직 구성원과 연결되지 않았습니다. `/member link <코드>` 또는 `/member link`로 연결하세요.',
    'member.dmSet': '개인 알림(DM)은 이제 {platform}(으)로 보냅니다.',
    'member.rolesSet': '{name} 님의 역할을 {roles}(으)로 정했습니다.',
    'member.lastAdmin': '마지막 관리자의 관리자 역할은 뺄 수 없습니다. 먼저 다른 분을 관리자로 지정하세요.',
    'member.localeSet': '언어를 한국어로 바꿨습니다.',
    'member.badEmail': '`email` 형식이 올바르지 않습니다 (받은 값: {value}). 예: email=kim@welfare.or.kr',
    'member.badPhone': '`phone`에는 업무용 전화번호를 적어 주세요 (받은 값: {value}). 예: phone=051-123-4567',
    'member.adminOnly': '관리자 역할은 관리자만 줄 수 있습니다. 다른 역할로 등록한 뒤 관리자에게 `/member role`을 요청하세요.',
    'member.badRoles': '역할 `{value}`을(를) 알 수 없습니다. 쓸 수 있는 역할: admin(관리자), coordinator(코디네이터), head(기관장), staff(실무자). 예: /member role 김민수 coordinator,head',

    // 보장협의체 위원
    'council.notCouncil': '{name}은(는) 보장협의체가 아닙니다 (종류: {kind}). council=에는 보장협의체를 적어 주세요.',
    'council.seated': '{name} 님을 {council} {seat}(으)로 위촉했습니다 (임기 {from}~{to}).',
    'council.chairTaken': '{council}의 {seat} 자리는 {name} 님이 {from}~{to} 임기로 맡고 있습니다. 임기가 겹치지 않게 from=/to=를 정해 주세요.',
    'council.badTerm': '임기 끝(to={to})이 시작(from={from})보다 앞설 수 없습니다.',
    'seat.chair-public': '공공위원장',
    'seat.chair-private': '민간위원장',
    'seat.member': '위원',

    // 채널
    'channel.bound': '이 채널(#{channel})을 {target}의 채널로 연결했습니다.',
    'channel.alreadyBound': '이 채널은 이미 {target}에 연결되어 있습니다.',
    'channel.unbound': '이 채널과 {target}의 연결을 끊었습니다.',
    'channel.notBound': '이 채널은 {target}에 연결되어 있지 않습니다.',
    'channel.needTarget': '조직이나 협력 관계 중 하나를 적어 주세요. 예: /channel bind 모라3동행정복지센터 또는 /channel bind partnership=2',
    'channel.partnershipNotFound': '협력 관계 #{ref}을(를) 찾을 수 없습니다. `/org show <조직>`에서 관계 번호를 확인하세요.',
    'channel.partnershipLabel': '{from}–{to} {kind}',
    'channel.listTitle': '이 채널에 연결된 대상',
    'channel.listEmpty': '이 채널은 아직 어느 조직에도 연결되지 않았습니다. 예: /channel bind 모라3동행정복지센터',

    // 감사 기록
    'audit.title': '변경 기록 (최근 {count}건)',
    'audit.empty': '아직 변경 기록이 없습니다.',
    'audit.line': '{at} · {actor} · {action} · {target}',
    'audit.more': '더 이전 기록: /audit page={next}',

    // 계정 연결
    'link.alreadyLinked': '이 계정은 이미 {name} 님과 연결되어 있습니다. `/member me`로 확인하세요.',
    'link.badCode': '연결 코드가 맞지 않거나 기한(72시간)이 지났습니다. 관리자에게 새 코드를 요청하세요. 예: /member link ABCD-EF23',
    'link.linked': '{name}(#{id}) 님으로 연결했습니다. 이제 모든 명령을 쓸 수 있습니다. `/help`로 시작하세요.',
    'link.requested': '관리자에게 연결 요청(#{id})을 보냈습니다. 승인되면 알려 드립니다. 관리자에게 받은 코드가 있으면 `/member link <코드>`로 바로 연결할 수 있습니다.',
    'link.requestTitle': '계정 연결 요청',
    'link.requestBody': '{platform}의 {name} 님이 봇 사용을 요청했습니다 (요청 #{id}). 새 실무자로 등록하려면 승인을 누르고, 이미 등록된 구성원이면 `/member approve {id} member=<이름 또는 #번호>`를 입력하세요.',
    'link.approveNew': '새 구성원으로 승인',
    'link.noRequest': '열린 연결 요청 #{id}이(가) 없습니다.',
    'link.approved': '{platform} 계정을 {name}(#{id}) 님과 연결했습니다.',
    'link.approvedForUser': '{name} 님, 계정 연결이 승인되었습니다. `/help`로 시작하세요.',
    'link.code': '{name} 님의 연결 코드: {code} ({until}까지, 한 번만 쓸 수 있음). 본인이 Slack이나 Discord에서 `/member link {code}`를 입력하면 연결됩니다.',

    // 콘솔
    // CSV 가져오기
    'import.row': '{line}행: {problem}',
    'import.badCsv': 'CSV 파일을 읽을 수 없습니다: {reason}. UTF-8 CSV로 저장했는지 확인하세요.',
    'import.noNameColumn': '첫 줄(머리글)에 이름(name) 열이 없습니다. 예: 이름,소속,직위,역할',
    'import.unknownColumns': '알 수 없는 열: {columns}. 쓸 수 있는 열: {known}',
    'import.badValue': '{column} 값이 올바르지 않습니다 (날짜는 YYYY-MM-DD, 글자는 200자 이내)',
    'import.badKind': '종류 "{value}"을(를) 알 수 없습니다 (사회복지관, 행정복지센터, 보장협의체, 희망복지지원단, 기타).',
    'import.orgExists': '{name}은(는) 이미 등록되어 있습니다.',
    'import.duplicateRow': '{value}이(가) {other}행과 겹칩니다.',
    'import.orgMissing': '소속 "{name}"이(가) 등록되어 있지 않습니다. 조직 CSV를 먼저 가져오세요.',
    'import.notCouncil': '협의체 "{name}"이(가) 등록된 보장협의체가 아닙니다.',
    'import.badSeat': '위원구분 "{value}"을(를) 알 수 없습니다 (공공위원장, 민간위원장, 위원).',
    'import.memberExists': '{org}의 {name} 님은 이미 등록되어 있습니다.',
    'import.accountTaken': '{account} 계정은 이미 다른 구성원과 연결되어 있습니다.',
    'import.done': '{kind} {count}건을 가져왔습니다.',
    'import.failed': '가져오지 못했습니다. 아무것도 저장하지 않았습니다. 고칠 곳:',
    'import.kind.organizations': '조직',
    'import.kind.members': '구성원',

    // 전송
    'delivery.failedTitle': '메시지를 보내지 못했습니다',
    'delivery.failed': '보낼 메시지 #{id}(대상 {destination})를 보내지 못해 더 시도하지 않습니다. 사유: {reason}. 채널이 지워졌거나 봇이 내보내졌는지 확인하고, 필요하면 `/channel bind`로 다시 연결하세요.',

    'console.ready': '민관협력 봇 콘솔입니다. /help 로 시작하세요. @이름 으로 다른 사람으로 말할 수 있습니다. 종료: Ctrl+D',
    'console.choose': '번호를 입력하면 버튼을 누릅니다',
    'console.noSuchChoice': '{number}번 버튼이 없습니다. 마지막 메시지의 버튼 번호를 입력하세요.',
  },

  // 명령 설명 (도움말, Slack·Discord 등록에 쓰임)
  commands: {
    help: {
      description: '명령 목록과 사용법',
      subcommands: {
        '': { description: '명령 목록과 사용법을 봅니다', example: '/help org', options: { command: '자세히 볼 명령 이름' } },
      },
    },
    org: {
      description: '조직(복지관·행정복지센터·협의체) 관리',
      subcommands: {
        add: {
          description: '조직을 등록합니다',
          example: '/org add 사회복지관 행복종합사회복지관 dong=모라3동 sigungu=사상구',
          options: { kind: '종류 (사회복지관, 행정복지센터, 보장협의체, 희망복지지원단, 기타)', name: '조직 이름', dong: '읍면동', sigungu: '시군구' },
        },
        list: { description: '조직 목록을 봅니다', example: '/org list kind=사회복지관', options: { kind: '이 종류만 보기', page: '쪽 번호' } },
        show: { description: '조직 정보를 봅니다', example: '/org show 행복종합사회복지관', options: { org: '조직 이름 또는 #번호' } },
        link: {
          description: '두 조직의 협력 관계를 등록합니다',
          example: '/org link 행복종합사회복지관 모라3동행정복지센터 kind={value}',
          options: { from: '앞 조직 (거점복지관·협의체)', to: '뒤 조직 (행정복지센터)', kind: '관계 (hub=거점, mou=협약, council-of=동 협의체)' },
        },
      },
    },
    member: {
      description: '구성원과 역할',
      subcommands: {
        add: {
          description: '구성원을 등록합니다',
          example: '/member add 김민수 org=모라3동행정복지센터 position=주무관 role=staff',
          options: { name: '이름', org: '소속 조직', position: '직위', role: '역할 (쉼표로 여러 개)', phone: '업무 전화', email: '업무 이메일' },
        },
        show: { description: '구성원 정보를 봅니다', example: '/member show 김민수', options: { member: '이름 또는 #번호' } },
        role: {
          description: '구성원의 역할을 정합니다 (관리자)',
          example: '/member role 김민수 coordinator,head',
          options: { member: '이름 또는 #번호', roles: '역할 목록 (admin, coordinator, head, staff)' },
        },
        link: { description: '내 채팅 계정을 구성원과 연결합니다', example: '/member link ABCD-EF23', options: { code: '관리자에게 받은 연결 코드 (없으면 관리자에게 요청)' } },
        code: { description: '계정 연결 코드를 만듭니다', example: '/member code 김민수', options: { member: '이름 또는 #번호' } },
        approve: {
          description: '계정 연결 요청을 승인합니다 (관리자)',
          example: '/member approve 3 member=김민수',
          options: { request: '요청 번호', member: '이미 등록된 구성원 (없으면 새로 등록)' },
        },
        me: { description: '내 정보를 봅니다', example: '/member me lang=en', options: { lang: '언어 바꾸기 (ko, en)', dm: '개인 알림(DM)을 받을 곳 (slack, discord, all)' } },
      },
    },
    council: {
      description: '지역사회보장협의체 위원',
      subcommands: {
        seat: {
          description: '협의체 위원을 위촉합니다',
          example: '/council seat 박영희 council=모라3동지역사회보장협의체 seat=chair-private from=2026-01-01',
          options: { member: '이름 또는 #번호', council: '보장협의체', seat: '자리 (chair-public, chair-private, member)', from: '임기 시작 (기본: 오늘)', to: '임기 끝 (기본: 2년)' },
        },
      },
    },
    channel: {
      description: '채팅 채널과 조직 연결',
      subcommands: {
        bind: {
          description: '이 채널을 조직이나 협력 관계의 채널로 연결합니다',
          example: '/channel bind 모라3동행정복지센터',
          options: { org: '조직 이름 또는 #번호', partnership: '협력 관계 번호' },
        },
        unbind: {
          description: '이 채널의 연결을 끊습니다',
          example: '/channel unbind 모라3동행정복지센터',
          options: { org: '조직 이름 또는 #번호', partnership: '협력 관계 번호' },
        },
        list: { description: '이 채널에 연결된 대상을 봅니다', example: '/channel list', options: {} },
      },
    },
    audit: {
      description: '변경 기록 (관리자)',
      subcommands: { '': { description: '최근 변경 기록을 봅니다', example: '/audit page=2', options: { page: '쪽 번호' } } },
    },
  },

  // 선택지: 첫 값이 화면에 보이는 이름, 나머지는 입력할 때 같이 받는 말
  choices: {
    orgKind: {
      'welfare-centre': ['사회복지관', '복지관', '종합사회복지관'],
      'community-centre': ['행정복지센터', '주민센터', '동주민센터'],
      council: ['보장협의체', '지역사회보장협의체', '협의체'],
      district: ['희망복지지원단', '구청', '시군구'],
      partner: ['기타', '협력기관'],
    },
    partnershipKind: {
      hub: ['거점'],
      mou: ['협약'],
      'council-of': ['동협의체'],
    },
    seat: {
      'chair-public': ['공공위원장'],
      'chair-private': ['민간위원장'],
      member: ['위원'],
    },
    dmPlatform: { slack: ['슬랙'], discord: ['디스코드'], console: ['콘솔'], all: ['모두', '연결된 모든 곳'] },
    locale: { ko: ['한국어'], en: ['영어', 'English'] },
  },
  // CSV 머리글로 받는 이름 (영문 열 이름도 함께 받음)
  csvHeaders: {
    name: ['이름', '기관명', '조직명', '성명'],
    kind: ['종류', '기관종류', '유형'],
    dong: ['읍면동', '동'],
    sigungu: ['시군구', '구'],
    org: ['소속', '기관'],
    position: ['직위', '직책'],
    roles: ['역할'],
    phone: ['업무전화', '전화', '전화번호'],
    email: ['이메일', '메일'],
    council: ['협의체', '보장협의체'],
    seat: ['위원구분', '자리'],
    term_from: ['임기시작'],
    term_to: ['임기종료', '임기끝'],
    slack: ['슬랙', '슬랙ID'],
    discord: ['디스코드', '디스코드ID'],
  },
};
