<?php
/**
 * Plugin Name:       Spotbook
 * Description:       Book a Spotbook Booking Session inline: the [spotbook session="…"] shortcode and the Spotbook block.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * License:           MIT
 * Text Domain:       spotbook
 *
 * The shortcode and the block are stored as plain text and a block comment, which every editor
 * keeps and kses lets through for users without unfiltered_html; the markup is made only when
 * the page is shown. The widget's script is enqueued as an ES module, once per page.
 */

defined( 'ABSPATH' ) || exit;

const SPOTBOOK_OPTION = 'spotbook_worker_url';

/** The Worker's address, with a trailing slash, or '' when not set yet. */
function spotbook_worker_url() {
	$url = (string) get_option( SPOTBOOK_OPTION, '' );
	return '' === $url ? '' : trailingslashit( $url );
}

/** The script, as a module: wp_enqueue_script_module from WordPress 6.5, else a type="module" tag. */
function spotbook_enqueue() {
	static $done = false;
	$worker = spotbook_worker_url();
	if ( $done || '' === $worker ) {
		return;
	}
	$done = true;
	if ( function_exists( 'wp_enqueue_script_module' ) ) {
		wp_enqueue_script_module( 'spotbook-widget', $worker . 'widget.js', array(), null );
	} else {
		wp_enqueue_script( 'spotbook-widget', $worker . 'widget.js', array(), null, array( 'in_footer' => true ) );
	}
	// Before the script arrives the element is unknown to the browser: keep the space it will take (as widget/styles.ts does while it loads).
	wp_register_style( 'spotbook', false, array(), '0.1.0' );
	wp_add_inline_style( 'spotbook', 'spotbook-session:not(:defined){display:block;min-height:var(--spotbook-min-height,max(22rem,40rem - 40vw))}' );
	wp_enqueue_style( 'spotbook' );
}

add_filter(
	'script_loader_tag',
	static function ( $tag, $handle ) {
		return 'spotbook-widget' === $handle ? str_replace( '<script ', '<script type="module" ', $tag ) : $tag;
	},
	10,
	2
);

// In the head when the page's own content embeds a session; a widget area or a template embedding one enqueues it as it renders (in the footer).
add_action(
	'wp_enqueue_scripts',
	static function () {
		$post = get_post();
		$content = $post ? $post->post_content : '';
		// The shortcode, the block, or the plain div embed pasted into the content.
		if ( is_singular() && ( has_shortcode( $content, 'spotbook' ) || has_block( 'spotbook/session', $post ) || false !== strpos( $content, 'data-spotbook' ) ) ) {
			spotbook_enqueue();
		}
	}
);

/**
 * The element, with a link to the hosted booking page inside: shown until the script runs, and
 * the way to book should it never run.
 */
function spotbook_render( $session ) {
	$worker = spotbook_worker_url();
	$session = sanitize_title( (string) $session );
	if ( '' === $worker || '' === $session ) {
		return current_user_can( 'edit_posts' )
			? '<p>' . esc_html__( 'Spotbook: set the Worker\'s address in Settings → Spotbook, and the session\'s slug.', 'spotbook' ) . '</p>'
			: '';
	}
	spotbook_enqueue();
	return sprintf(
		'<spotbook-session class="spotbook" session="%1$s" api="%2$s"><a href="%3$s">%4$s</a></spotbook-session>',
		esc_attr( $session ),
		esc_url( $worker ),
		esc_url( $worker . 's/' . $session ),
		esc_html__( 'Book online', 'spotbook' )
	);
}

add_shortcode(
	'spotbook',
	static function ( $atts ) {
		$atts = shortcode_atts( array( 'session' => '' ), $atts, 'spotbook' );
		return spotbook_render( $atts['session'] );
	}
);

add_action(
	'init',
	static function () {
		register_block_type(
			__DIR__ . '/block',
			array(
				'render_callback' => static function ( $attributes ) {
					$html = spotbook_render( $attributes['session'] ?? '' );
					return '' === $html ? '' : '<div ' . get_block_wrapper_attributes() . '>' . $html . '</div>';
				},
			)
		);
	}
);

// Settings → Spotbook: the Worker's address.
add_action(
	'admin_init',
	static function () {
		register_setting(
			'spotbook',
			SPOTBOOK_OPTION,
			array(
				'type'              => 'string',
				'sanitize_callback' => static function ( $value ) {
					$url = esc_url_raw( trim( (string) $value ), array( 'https', 'http' ) );
					return '' === $url ? '' : untrailingslashit( $url );
				},
				'default'           => '',
			)
		);
		add_settings_section( 'spotbook_main', '', '__return_false', 'spotbook' );
		add_settings_field(
			SPOTBOOK_OPTION,
			__( 'Worker address', 'spotbook' ),
			static function () {
				printf(
					'<input type="url" class="regular-text code" id="%1$s" name="%1$s" value="%2$s" placeholder="https://spotbook.example.workers.dev"><p class="description">%3$s</p>',
					esc_attr( SPOTBOOK_OPTION ),
					esc_attr( (string) get_option( SPOTBOOK_OPTION, '' ) ),
					esc_html__( 'Where your Spotbook Worker runs. In Spotbook, allow this site\'s address among the studio\'s allowed origins.', 'spotbook' )
				);
			},
			'spotbook',
			'spotbook_main',
			array( 'label_for' => SPOTBOOK_OPTION )
		);
	}
);

add_action(
	'admin_menu',
	static function () {
		add_options_page(
			__( 'Spotbook', 'spotbook' ),
			__( 'Spotbook', 'spotbook' ),
			'manage_options',
			'spotbook',
			static function () {
				echo '<div class="wrap"><h1>' . esc_html__( 'Spotbook', 'spotbook' ) . '</h1><form method="post" action="options.php">';
				settings_fields( 'spotbook' );
				do_settings_sections( 'spotbook' );
				submit_button();
				echo '</form></div>';
			}
		);
	}
);
