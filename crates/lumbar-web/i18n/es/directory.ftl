# El buscador de masajistas, los perfiles y las palabras de las licencias (español).

## Buscador

find-title = Buscar un masajista
find-title-results = Masajistas cerca de { $zip }
find-heading = Buscar un masajista con licencia
find-lead = Busque cerca de un código postal (ZIP). De forma predeterminada solo mostramos masajistas cuya licencia hemos comprobado en los registros oficiales del estado y está activa.
find-check-first = ¿No sabe si el masaje es seguro para usted ahora? Haga primero la comprobación de seguridad de 3 minutos: también puede adaptar esta lista a usted.
find-check-first-link = Empezar la comprobación de seguridad
find-applied-heading = Su comprobación de seguridad se aplica a esta lista
find-applied-styles = Primero los tipos sugeridos: { $styles }.
find-applied-prenatal = Solo se muestran masajistas que ofrecen masaje prenatal (para el embarazo).
find-applied-deep-tissue = Los masajistas que solo ofrecen masaje de tejido profundo aparecen después de las opciones más suaves, o no aparecen.
find-applied-verified = Solo se muestran masajistas con una licencia verificada y activa, salvo que pida ver otros.
find-applied-precautions = Muestre a su masajista estas precauciones antes de empezar:
find-clinician = Su comprobación de seguridad dice que el masaje no es aconsejable para usted ahora, así que no mostramos una lista de masajistas.
find-unavailable-heading = El directorio de masajistas no está disponible en este servidor
find-unavailable-body = Este servidor de lumbar funciona sin base de datos, así que no puede buscar masajistas ni mostrar sus perfiles. La comprobación de seguridad funciona sin ella. Si usted gestiona este servidor, inícielo con una base de datos (por ejemplo `lumbar serve --db sqlite:lumbar.db --demo`).
find-unavailable-check = Hacer la comprobación de seguridad
find-zip = Código postal (ZIP)
find-zip-hint = Cinco dígitos, por ejemplo 98101.
find-radius = Distancia
find-radius-option = A menos de { $miles } millas
find-filters = Afinar la lista
find-style = Tipo de masaje
find-any-style = Cualquier tipo
find-language = Idioma que habla el masajista
find-any-language = Cualquier idioma
find-gender = Género del masajista
find-any-gender = Sin preferencia
find-max-price = Precio máximo por 60 minutos, en dólares
find-max-price-hint = Dólares enteros, por ejemplo 100. Los masajistas que no indican precio se siguen mostrando, con la nota «precio no indicado».
find-insurance = Seguro médico aceptado
find-any-insurance = Cualquiera (o pago yo)
find-kind = Tipo de lugar
find-any-kind = Cualquier tipo de lugar
find-unverified = Mostrar también masajistas cuya licencia no está verificada
find-unverified-hint = Aparecen después de todos los masajistas verificados, cada uno con lo que encontramos sobre su licencia.
find-search = Buscar
find-results-heading = Resultados
find-summary = { $count ->
    [one] 1 masajista o lugar
   *[other] { $count } masajistas y lugares
} a menos de { $miles } millas de { $zip }, primero los que mejor encajan.
find-distance = a { $miles } millas
find-distance-near = a menos de 0,1 millas
find-badge-verified = Licencia verificada
find-badge-unverified = Licencia no verificada
find-styles-label = Tipos de masaje:
find-why-label = Por qué aparece:
find-unknown-zip = No sabemos dónde está el código postal { $zip }.
find-unknown-zip-hint = Revise los cinco dígitos. Si son correctos, puede ser un código postal solo para apartados de correos, que no tiene un lugar en el mapa: pruebe con el código postal de una dirección cercana.
find-empty = Ningún masajista con licencia verificada a menos de { $miles } millas de { $zip } coincide con su búsqueda.
find-empty-any = Ningún masajista a menos de { $miles } millas de { $zip } coincide con su búsqueda.
find-empty-larger-link = Buscar a menos de { $miles } millas
find-empty-larger = Pruebe con una distancia mayor.
find-empty-fewer-filters = Pruebe con menos filtros.
find-empty-unverified = Marque «Mostrar también masajistas cuya licencia no está verificada» para ver masajistas cuya licencia no pudimos confirmar.
find-disclaimer = lumbar comprueba las licencias en los registros oficiales de cada estado y dice de dónde sale cada dato. Lo marcado como «declarado por el masajista» es lo que el masajista nos dice. Antes de reservar, cuéntele al masajista lo de su espalda y su salud.
find-error-zip-missing = Escriba un código postal.
find-error-zip-invalid = Escriba un código postal de cinco dígitos, por ejemplo 98101.
find-error-radius = Elija una distancia de la lista.
find-error-choice = Elija una de las opciones de la lista.
find-error-price-invalid = Escriba el precio como un número entero de dólares, por ejemplo 100.
find-error-price-range = Escriba un precio de { $max } dólares como máximo.

## Palabras para los valores del directorio

mstyle-deep-tissue = Tejido profundo
mstyle-swedish = Sueco
mstyle-prenatal = Prenatal (embarazo)
mstyle-oncology = Oncológico
mstyle-medical = Médico
mstyle-myofascial = Liberación miofascial
mstyle-trigger-point = Puntos gatillo
mstyle-sports = Deportivo
mstyle-lymphatic = Drenaje linfático
mstyle-other = Otro
kind-independent = Masajista independiente
kind-clinic = Clínica
kind-spa = Spa
kind-school-clinic = Clínica de estudiantes de una escuela de masaje (supervisados)
gender-female = Mujer
gender-male = Hombre
gender-nonbinary = No binario
language-en = Inglés
language-es = Español
language-zh = Chino
language-vi = Vietnamita
language-tl = Tagalo
language-ko = Coreano
language-ru = Ruso
language-ar = Árabe
language-fr = Francés
language-ht = Criollo haitiano
language-pt = Portugués
language-pl = Polaco
language-hi = Hindi

## Palabras de las licencias

license-status-verified-active = Verificada y activa
license-status-expired = Caducada
license-status-inactive = Inactiva
license-status-disciplined = Con una sanción registrada
license-status-suspended-or-revoked = Suspendida o revocada
license-status-not-found = No aparece en los registros del estado
license-status-no-roster = Sin comprobar todavía (no tenemos los registros de este estado)
license-status-unregulated-state = Este estado no concede licencias de masajista
license-status-voluntary-certification = Solo certificación voluntaria; sin comprobar
license-status-unchecked = Sin comprobar todavía
license-in-state = { $status } ({ $state })
license-none = No consta ninguna licencia en { $state }
license-evidence = Fuente: { $source }. Comprobada el { $date }.
license-evidence-source = Fuente: { $source }.
license-evidence-none = Todavía no se ha comprobado en los registros oficiales.

## Perfil

profile-unavailable-heading = El directorio de masajistas no está disponible
profile-unverified-heading = Licencia no verificada.
profile-unverified-note = No pudimos confirmar una licencia de masajista activa para esta ficha en { $state }. Lo que encontramos: { $status }. Consulte con la junta estatal de licencias antes de reservar.
profile-inactive = Esta ficha figura como desactivada en el registro nacional NPPES.
profile-entity-individual = Masajista
profile-entity-organization = Organización
profile-credentials-heading = Credenciales y cómo las comprobamos
profile-credentials-intro = Las licencias se comprueban en los registros oficiales del estado que las concedió. Una licencia aparece como verificada solo cuando esos registros dicen que está activa.
profile-no-licenses = No consta ninguna licencia.
profile-license-state = Estado
profile-license-number = Número de licencia
profile-license-status = Situación
profile-license-source = Fuente
profile-license-checked = Comprobada el
profile-license-expires = Caduca
profile-not-checked = Sin comprobar todavía
profile-no-expiry = No se sabe
profile-npi = Identificador Nacional de Proveedor (NPI): { $npi }, del registro NPPES.
profile-about-heading = Sobre este masajista
profile-provenance-intro = «Verificado» significa que lumbar lo comprobó en un documento o una fuente oficial. «Declarado por el masajista» significa que el masajista nos lo dijo y no lo hemos comprobado.
profile-verified = Verificado
profile-self-reported = Declarado por el masajista
profile-no-profile = Este masajista aún no ha añadido un perfil. Solo se muestran los datos del registro oficial.
profile-kind = Tipo de lugar
profile-training = Formación
profile-training-hours = { $hours } horas
profile-certifications = certificaciones: { $list }
profile-back-pain-years = Experiencia con dolor de espalda
profile-years = { $years ->
    [one] 1 año
   *[other] { $years } años
}
profile-back-pain-share = Clientes con dolor de espalda
profile-share = Alrededor del { $pct } % de sus clientes
profile-styles = Tipos de masaje
profile-languages = Idiomas
profile-gender = Género
profile-price = Precio por 60 minutos
profile-price-range = De { $min } a { $max } dólares
profile-price-from = Desde { $min } dólares
profile-price-up-to = Hasta { $max } dólares
profile-insurance = Seguro médico aceptado
profile-insurance-none = No indica ningún seguro
profile-book-heading = Cómo reservar
profile-booking = Reservar en línea
profile-phone = Teléfono
profile-hours = Horario
profile-recommendations-heading = Recomendaciones
profile-endorsements = { $count ->
    [0] Todavía no hay avales de profesionales sanitarios.
    [one] 1 aval de un profesional sanitario.
   *[other] { $count } avales de profesionales sanitarios.
}
profile-rating-explained = La valoración es la media simple de las estrellas que dieron los clientes. Al ordenar los resultados de búsqueda, una valoración con pocas opiniones cuenta menos.
profile-disclaimer = lumbar no recomienda a ningún masajista en concreto. Cuéntele lo de su espalda y su salud antes de la primera sesión.
profile-back-to-find = Buscar otros masajistas

## Finder groups, license evidence and coverage (verification in every state)

find-group-verified = Licencias verificadas
find-group-verified-intro = Su licencia está activa en el archivo de licencias del propio estado, que lumbar importó y comprobó.
find-group-not-verified = Licencias que lumbar no pudo comprobar
find-group-not-verified-intro = Estos estados otorgan licencias a masajistas, pero lumbar aún no tiene sus archivos de licencias. Compruebe cada licencia en el sitio web de la junta estatal antes de reservar.
find-group-unlicensed-state = En un estado que no otorga licencias a masajistas
find-group-unlicensed-state-intro = Aquí nadie comprueba la formación de los masajistas. Pregunte por su formación y certificación.
find-group-problem = Licencias con un problema
find-group-problem-intro = Se muestran porque usted lo pidió: los registros del estado muestran un problema con la licencia, o ninguna licencia en el estado donde trabajan.
find-badge-stale = Licencia verificada, pero el archivo del estado es antiguo
find-badge-not-verified = Licencia no comprobada por lumbar
find-badge-unlicensed-state = El estado no otorga licencias a masajistas
find-lookup = Compruébela con { $board }
license-evidence-roster = Comprobada el { $date } con el archivo de licencias de { $state } del { $roster }.
license-evidence-roster-stale = Comprobada el { $date } con el archivo de licencias de { $state } del { $roster }, que es antiguo: compruebe la licencia con la junta antes de reservar.
find-empty-uncovered = El directorio de lumbar aún no tiene fichas a menos de { $miles } millas de { $zip }.
find-coverage-licensed = { $state } otorga licencias a masajistas ({ $titles }) a través de { $board }.
find-coverage-unregulated = { $state } no otorga licencias a masajistas: pregunte al masajista por su formación y certificación.

## Valoraciones, aseguradoras, fuentes de las licencias y motivos, en palabras para las personas

rating-none = Todavía no hay opiniones
rating-average = { $count ->
    [one] { $stars } de 5 estrellas, según 1 opinión
   *[other] { $stars } de 5 estrellas, media de { $count } opiniones
}
rating-endorsements = { $count ->
    [one] 1 aval de un profesional sanitario
   *[other] { $count } avales de profesionales sanitarios
}
payer-workers-compensation = Seguro de accidentes de trabajo (workers' compensation)
license-source-file = { $board }, archivo de licencias del { $date }
license-source-state-file = El archivo de licencias de { $state } del { $date }
license-source-unregulated = Declarado por el masajista: { $state } no otorga licencias a masajistas
license-source-board = { $board } (lumbar aún no tiene su archivo de licencias)
license-source-unchecked = Sin comprobar todavía
find-why-takes = acepta { $payer }
find-why-deep-tissue-only = solo ofrece masaje de tejido profundo, que su comprobación de seguridad desaconseja, por eso aparece después de opciones más suaves
find-why-deep-tissue-also = también hace masaje de tejido profundo: dígale que su comprobación de seguridad lo desaconseja

## Result cards: how to book, languages, price, map; the Spanish default

find-card-languages = Idiomas
find-card-price = Precio por 60 minutos
find-card-map = Abrir en el mapa
find-language-default = Se muestran masajistas que hablan español, porque esta página está en español.
find-language-default-clear = Ver masajistas que hablan cualquier idioma

## Match reasons in words for people

find-why-prenatal-pregnant = ofrece masaje prenatal (necesario en el embarazo)
find-why-prenatal-advised = ofrece masaje prenatal (se aconseja un masajista con formación prenatal)
find-why-style-only = { $style }: el tipo de masaje recomendado para usted
find-why-style-first = { $style }: el primero que se le recomienda
find-why-style-also = { $style }: también se le recomienda
find-why-style-asked = { $style }: como pidió
find-why-style-missing = no ofrece el tipo de masaje recomendado para usted: { $style }
find-why-experience-both = { $years ->
    [one] 1 año
   *[other] { $years } años
} ayudando a personas con dolor de espalda (alrededor del { $pct } % de sus clientes)
find-why-experience-years = { $years ->
    [one] 1 año
   *[other] { $years } años
} ayudando a personas con dolor de espalda
find-why-experience-share = el dolor de espalda es alrededor del { $pct } % de sus clientes
find-why-language = habla { $language }
find-why-gender = género del masajista: { $gender } (como pidió)
find-why-price-range = ${ $min }–${ $max } por sesión
find-why-price-from = desde ${ $min } por sesión
find-why-price-up-to = hasta ${ $max } por sesión
find-why-price-not-listed = precio no indicado
find-why-kind-independent = un masajista independiente
find-why-kind-clinic = una clínica
find-why-kind-spa = un spa
find-why-kind-school-clinic = la clínica de estudiantes de una escuela de masaje (estudiantes supervisados)

## Clinician summary ("See a clinician first" ends with help)

result-clinician-summary = Imprimir un resumen para su médico o fisioterapeuta
clinician-title = Resumen para su médico o fisioterapeuta
clinician-heading = Resumen para su médico o fisioterapeuta
clinician-lead = Lleve esta página a su cita. Dice lo que encontró la comprobación de seguridad de lumbar para el dolor de espalda y qué preguntar sobre el masaje. No es un diagnóstico.
clinician-level-see-provider-first = Resultado: consulte a un profesional de la salud antes del masaje
clinician-level-urgent-medical = Resultado: pida consejo médico hoy, antes de cualquier masaje
clinician-level-emergency = Resultado: emergencia
clinician-level-massage-with-precautions = Resultado: masaje con precauciones
clinician-level-massage-suitable = Resultado: el masaje es adecuado
clinician-found-heading = Lo que encontró la comprobación de seguridad
clinician-found-intro = Cada hallazgo, con las respuestas que lo señalaron:
clinician-scale = { $value } de 10
clinician-ask-heading = Qué preguntar sobre el masaje
clinician-ask-safe = ¿Es seguro para mí un masaje ahora, o debo esperar? ¿Cuánto tiempo?
clinician-ask-avoid = ¿Hay algún tipo de masaje, alguna presión o alguna parte del cuerpo que el masajista deba evitar?
clinician-ask-tell = ¿Qué debe saber el masajista sobre mi problema o mis medicamentos?
clinician-ask-plan = ¿Puede el masaje formar parte de mi tratamiento, junto con el ejercicio?
clinician-ask-stop = ¿Qué señales deben hacer que pare y le llame?
clinician-later-heading = Un masajista para más adelante
clinician-later = Cuando un profesional de la salud le haya revisado y esté de acuerdo, puede buscar un masajista con licencia. Entonces haga de nuevo la comprobación de seguridad: adapta la lista a usted.
clinician-find-link = Buscar un masajista para más adelante
clinician-not-diagnosis = Este resumen sale de las respuestas que dio a un cuestionario. No es un diagnóstico; decide su profesional de la salud.
clinician-not-needed = Su comprobación de seguridad dice que el masaje es aconsejable ahora, así que no hay un resumen que imprimir para un profesional de la salud.
clinician-private = Esta página se hace con las respuestas de su formulario. lumbar no la guarda, y nada de ella va en la dirección de la página.
